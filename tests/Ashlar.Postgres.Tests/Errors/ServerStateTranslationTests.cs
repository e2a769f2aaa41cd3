using Ashlar.Errors;
using Ashlar.Postgres.Errors;
using HelpDesk;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Errors;

/// <summary>What the translator makes of errors a server sends that the running suite cannot provoke on demand.</summary>
public sealed class ServerStateTranslationTests
{
    private readonly PostgresErrorTranslator _translator = new(ConstraintCatalog.Build(HelpDeskDomain.Build()));

    private static PostgresException Refusal(string sqlState, string message, string? table = null, string? constraint = null, string schema = "helpdesk") =>
        new(message, "FATAL", "FATAL", sqlState, schemaName: table is null ? null : schema, tableName: table, constraintName: constraint);

    [Theory]
    [InlineData("57P01", "terminating connection due to administrator command")]
    [InlineData("57P02", "terminating connection because of crash of another server process")]
    [InlineData("57P03", "the database system is starting up")]
    [InlineData("53300", "sorry, too many clients already")]
    [InlineData("08006", "connection failure")]
    [InlineData("08P01", "protocol violation")]
    public void A_passing_server_state_is_a_transient_unavailable_error(string sqlState, string message)
    {
        var refusal = Refusal(sqlState, message);

        var exception = _translator.Translate(refusal, "Tag", WriteKind.Create);

        var error = Assert.IsType<Unavailable>(Assert.Single(exception.Errors));
        Assert.True(error.IsTransient);
        Assert.Equal("Tag", error.Resource);
        Assert.Contains(sqlState, error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidException>(exception);
        Assert.Same(refusal, exception.InnerException);
    }

    [Fact]
    public void Too_many_connections_names_both_ways_out()
    {
        var error = Assert.Single(_translator.Translate(Refusal("53300", "sorry, too many clients already"), "Tag", WriteKind.Read).Errors);

        Assert.Contains("Max Pool Size", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_connections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_timeout_says_it_timed_out_and_names_the_setting()
    {
        var error = Assert.Single(_translator.Translate(Refusal("57014", "canceling statement due to statement timeout"), "Tag", WriteKind.Read).Errors);

        var unavailable = Assert.IsType<Unavailable>(error);
        Assert.Contains("timed out", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("statement_timeout", unavailable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("connection string", unavailable.Message, StringComparison.Ordinal);
        Assert.True(unavailable.IsTransient);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_restrict_violation_from_postgresql_18_would_leave_records_behind_like_a_foreign_key_violation(bool destroy)
    {
        // A ticket (in its organization's schema) refers to its reporter (shared) with ON DELETE/UPDATE RESTRICT.
        var kind = destroy ? WriteKind.Destroy : WriteKind.Update;
        var restrict = _translator.Translate(Refusal("23001", "update or delete on table \"users\" violates RESTRICT setting of foreign key constraint", "tickets", "tickets_reporter_id_fkey", "org_acme"), "User", kind);
        var foreignKey = _translator.Translate(Refusal("23503", "update or delete on table \"users\" violates foreign key constraint", "tickets", "tickets_reporter_id_fkey", "org_acme"), "User", kind);

        var error = Assert.IsType<InvalidAttribute>(Assert.Single(restrict.Errors));
        Assert.Equal(Assert.Single(foreignKey.Errors), error);
        Assert.Equal(("User", "would leave records behind: Ticket.reporter_id still refers to it"), (error.Resource, error.Message));
        Assert.IsType<InvalidException>(restrict);
    }

    [Fact]
    public void A_reference_between_two_tenant_tables_is_named_from_any_tenant_schema()
    {
        var error = Assert.Single(_translator.Translate(Refusal("23001", "update or delete on table \"tickets\" violates RESTRICT setting of foreign key constraint",
            "comments", "comments_ticket_id_fkey", "org_acme"), "Ticket", WriteKind.Destroy).Errors);

        Assert.Equal(("Ticket", "would leave records behind: Comment.ticket_id still refers to it"), (error.Resource, error.Message));
    }
}
