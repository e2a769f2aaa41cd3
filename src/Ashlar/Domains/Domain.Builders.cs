namespace Ashlar.Domains;

public sealed partial class Domain
{
    /// <summary>
    /// Starts a create whose values the compiler checks: <c>Create&lt;Book&gt;("open").Set(b =&gt; b.Title, "Dune").ExecuteAsync(ct)</c>.
    /// Nothing runs until <see cref="CreateBuilder{T}.ExecuteAsync"/>.
    /// </summary>
    /// <param name="action">The create action; the primary one when null.</param>
    public CreateBuilder<T> Create<T>(string? action = null)
        where T : class => new(this, action);

    /// <summary>
    /// Starts an update of <paramref name="record"/> whose values the compiler checks:
    /// <c>Update(ticket, "assign").Set(t =&gt; t.AssigneeId, alice.Id).ExecuteAsync(ct)</c>. Nothing runs until
    /// <see cref="UpdateBuilder{T}.ExecuteAsync"/>.
    /// </summary>
    /// <param name="record">The record as read.</param>
    /// <param name="action">The update action; the primary one when null.</param>
    public UpdateBuilder<T> Update<T>(T record, string? action = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(this, record, action);
    }
}
