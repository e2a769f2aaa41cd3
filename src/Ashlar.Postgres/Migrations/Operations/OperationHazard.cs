namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>One thing a reviewer should know about a migration step.</summary>
/// <param name="Kind">The kind of hazard.</param>
/// <param name="Detail">What exactly, e.g. <c>drops column public.tickets.legacy</c>.</param>
public sealed record OperationHazard(HazardKind Kind, string Detail)
{
    /// <summary>The header line, e.g. <c>data loss: drops column public.tickets.legacy</c>.</summary>
    public override string ToString() => Kind switch
    {
        HazardKind.DataLoss => "data loss: ",
        HazardKind.TableRewrite => "table rewrite: ",
        HazardKind.FullTableValidation => "full table validation: ",
        _ => "runs outside a transaction: ",
    } + Detail;
}
