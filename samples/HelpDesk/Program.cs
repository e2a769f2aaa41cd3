using System.Text.Json;
using Ashlar.Bulk;
using Ashlar.Cli;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Queries;
using HelpDesk;
using HelpDesk.Resources;

// The help desk demo: declares nine resources, stores them in PostgreSQL, and shows each kind of error.
// With no HELPDESK_DATABASE connection string it starts a throwaway PostgreSQL of its own and removes it at exit.
// With arguments it is the Ashlar command line for this app: codegen, check, migrate, rollback, status.
var model = HelpDeskDomain.Build();
var connectionString = Environment.GetEnvironmentVariable("HELPDESK_DATABASE");
var withReplica = args is ["--replica"] || Environment.GetEnvironmentVariable("HELPDESK_REPLICA") is "1" or "true";
if (args.Length > 0 && !withReplica)
{
    return await AshlarCli.RunAsync(args, model, new CliOptions
    {
        ConnectionString = connectionString,
        ConnectionStringSource = "HELPDESK_DATABASE",
        UseTemporaryClusterWithoutConnection = true,
        MigrationsDirectory = SamplePaths.MigrationsDirectory,
    });
}

await using var cluster = connectionString is null ? await TemporaryCluster.StartAsync() : null;
if (cluster is not null)
{
    Console.WriteLine($"Started a throwaway PostgreSQL {cluster.Version} on port {cluster.Port} (set HELPDESK_DATABASE to use your own).");
    connectionString = await cluster.CreateDatabaseAsync("helpdesk");
}

// With --replica (or HELPDESK_REPLICA=1): a streaming replica of the throwaway PostgreSQL serves the reads.
await using var replica = withReplica && cluster is not null ? await TemporaryReplica.StartAsync(cluster) : null;
if (replica is not null)
{
    Console.WriteLine($"Started a streaming replica (pg_basebackup -R) on port {replica.Port}: reads go to it, with read-your-writes.");
}
else if (withReplica)
{
    Console.WriteLine("--replica makes a replica of the throwaway PostgreSQL; unset HELPDESK_DATABASE to see it. Going on without one.");
}

var tenantMigrations = Path.Combine(MigrationDirectory.ForRepo(SamplePaths.MigrationsDirectory, new HelpDeskRepo().Name), "tenants");
await using var helpdesk = PostgresDomain.Create(model, pg =>
{
    pg.Repo<HelpDeskRepo>(connectionString!).TenantMigrations<HelpDeskRepo>(tenantMigrations);
    if (replica is not null)
    {
        pg.ReadReplica<HelpDeskRepo>(replica.ConnectionStringFor("helpdesk")).Replicas(o => o.ReadYourWrites = true);
    }
});
var migrations = await MigrationDirectory.LoadAsync(MigrationDirectory.ForRepo(SamplePaths.MigrationsDirectory, new HelpDeskRepo().Name));
if (migrations.Count > 0)
{
    var migrated = await new MigrationRunner().MigrateAsync(helpdesk.Postgres().DataSource(typeof(HelpDeskRepo)), migrations);
    Console.WriteLine($"Applied {migrated.Applied.Count} migration(s) from {SamplePaths.MigrationsDirectory}: {string.Join(", ", migrated.Applied.Select(m => m.FileName))}.");
}
else
{
    await helpdesk.Postgres().CreateSchemaAsync();
    Console.WriteLine($"Created the tables for {model.Resources.Count} resources: {string.Join(", ", model.Resources)}.");
}

await new Demo(helpdesk, connectionString, replica).RunAsync();
return 0;

/// <summary>The demo's steps, each printing what happened.</summary>
internal sealed class Demo(Domain helpdesk, string? connectionString = null, TemporaryReplica? replica = null)
{
    public async Task RunAsync()
    {
        Step("Create an organization, two users and a ticket");
        var acme = await helpdesk.CreateAsync<Organization>(new { name = "Acme", domain = "acme.test", settings = new Dictionary<string, object?> { ["plan"] = "pro" } });

        // Acme is a tenant: its tickets, their comments and tags live in its own schema, named by tenant: below.
        var tenant = acme.Tenant;
        var ada = await helpdesk.CreateAsync<User>(new { email = "Ada@Acme.test", name = "Ada", organization_id = acme.Id, role = "agent" });
        var bob = await helpdesk.CreateAsync<User>(new { Email = "bob@acme.test", Name = "Bob", OrganizationId = acme.Id });
        var ticket = await helpdesk.CreateAsync<Ticket>(
            new { subject = "Printer on fire", body = "Smoke everywhere", organization_id = acme.Id, reporter_id = bob.Id, priority = 1, labels = new[] { "hardware", "urgent" } },
            action: "open", tenant: tenant);
        Console.WriteLine($"  organization {acme.Name} ({acme.Id}), settings plan = {acme.Settings?["plan"]}, its tickets in the schema {tenant}");
        Console.WriteLine($"  users {ada.Name} <{ada.Email}> as {ada.Role}, {bob.Name} as {bob.Role}");
        Console.WriteLine($"  ticket #{ticket.Id} \"{ticket.Subject}\" status {ticket.Status}, priority {ticket.Priority}, labels [{string.Join(", ", ticket.Labels ?? [])}]");
        Console.WriteLine($"  generated column search_text = \"{ticket.SearchText}\"");

        var tag = await helpdesk.CreateAsync<Tag>(new { name = "hardware" });
        await helpdesk.CreateAsync<TicketTag>(new { ticket_id = ticket.Id, tag_id = tag.Id }, tenant: tenant);
        var comment = await helpdesk.CreateAsync<Comment>(new { body = "On my way with an extinguisher.", ticket_id = ticket.Id, author_id = ada.Id }, tenant: tenant);

        Step("Read");
        var byKey = await helpdesk.GetAsync<Ticket>(ticket.Id, tenant);
        Console.WriteLine($"  by primary key: #{byKey.Id} {byKey.Subject}");
        var open = await helpdesk.ReadAsync(Query.For<OpenTicket>(), tenant);
        Console.WriteLine($"  from Acme's view open_tickets (a resource migrations leave alone): {string.Join(", ", open.Select(o => $"#{o.Id} {o.Subject} ({o.OrganizationName})"))}");
        var replies = await helpdesk.ReadAsync(Query.For<CannedReply>().Filter(c => c.OrganizationId == null).Sort(c => c.Shortcut));
        Console.WriteLine($"  canned replies seeded by the migrations: {string.Join(", ", replies.Select(c => c.Shortcut))}");
        var urgent = await helpdesk.ReadAsync(Query.For<Ticket>().Filter(t => t.Status == TicketStatus.Open && t.Priority <= 2).Sort(t => t.InsertedAt, descending: true), tenant);
        Console.WriteLine($"  open tickets with priority <= 2: {urgent.Count}");
        var email = "ADA@acme.test";
        var agents = await helpdesk.ReadAsync(Query.For<User>().Filter(u => u.Email == email && u.Organization!.Name == "Acme"));
        Console.WriteLine($"  users with e-mail {email} (case-insensitive) in Acme: {string.Join(", ", agents.Select(a => a.Name))}");

        Step("Query: loads, aggregates, pages and untrusted input");
        var slow = await helpdesk.CreateAsync<Ticket>(new { subject = "Wi-Fi is slow", organization_id = acme.Id, reporter_id = ada.Id, priority = 3 }, action: "open", tenant: tenant);
        await helpdesk.CreateAsync<Comment>(new { body = "Rebooted the router.", ticket_id = slow.Id, author_id = ada.Id }, tenant: tenant);
        await helpdesk.UpdateAsync(slow, new { assignee_id = ada.Id }, action: "assign", tenant: tenant);
        var loaded = await helpdesk.ReadAsync(Query.For<Ticket>().Sort(t => t.Id)
            .Load(t => t.Comments, c => c.Sort(x => x.InsertedAt).Load(x => x.Author)).Load(t => t.Tags), tenant);
        foreach (var t in loaded)
        {
            Console.WriteLine($"  #{t.Id} {t.Subject}: comments by [{string.Join(", ", t.Comments!.Select(c => c.Author?.Name))}], tags [{string.Join(", ", t.Tags!.Select(x => x.Name))}]");
        }

        var perStatus = await helpdesk.AggregateByAsync(Query.For<Ticket>(), t => t.Status, a => a.Count(), tenant);
        Console.WriteLine($"  tickets per status (one GROUP BY): {string.Join(", ", perStatus.Select(g => $"{g.Key} {g.Value}"))}");
        var discussed = Query.For<Ticket>().Filter(t => t.Comments!.Count(c => c.Author!.Role == UserRole.Agent) >= 1).Sort(t => t.Priority);
        Console.WriteLine($"  tickets an agent commented on: {(await helpdesk.ReadAsync(discussed, tenant)).Count}, by");
        Console.WriteLine($"    {helpdesk.ToSql(discussed, tenant)}");
        var firstPage = await helpdesk.PageAsync(Query.For<Ticket>().Sort(t => t.Priority), limit: 1, count: true, tenant: tenant);
        var secondPage = await helpdesk.PageAsync(Query.For<Ticket>().Sort(t => t.Priority), limit: 1, after: firstPage.NextCursor, tenant: tenant);
        Console.WriteLine($"  keyset pages of 1 by priority: #{firstPage.Records[0].Id}, then #{secondPage.Records[0].Id} (of {firstPage.Count}; more after: {secondPage.HasMore})");
        using var input = JsonDocument.Parse("""{"priority": {"lte": 2}, "subject": {"contains": "fire'; DROP TABLE tickets; --"}}""");
        var fromApi = await helpdesk.ReadAsync(Query.For<Ticket>().FilterInput(input.RootElement), tenant);
        Console.WriteLine($"  untrusted JSON filter with an injection attempt as a value: {fromApi.Count} match(es), tickets table intact");
        using var badInput = JsonDocument.Parse("""{"no_such_field": {"eq": "x"}, "priority": {"gte": "high"}}""");
        await Show("untrusted filter", () => helpdesk.ReadAsync(Query.For<Ticket>().FilterInput(badInput.RootElement), tenant));

        Step("Update");
        ticket = await helpdesk.UpdateAsync(ticket, new { assignee_id = ada.Id }, action: "assign", tenant: tenant);
        Console.WriteLine($"  assigned to Ada: status {ticket.Status}, updated_at moved: {ticket.UpdatedAt > ticket.InsertedAt}");
        ticket = await helpdesk.UpdateAsync(ticket, new { estimated_hours = 1.5m }, action: "update", tenant: tenant);
        Console.WriteLine($"  estimated hours {ticket.EstimatedHours}");
        ticket = await helpdesk.UpdateAsync(ticket, new { resolution = "Put the fire out." }, action: "resolve", tenant: tenant);
        Console.WriteLine($"  resolved through an action with an argument, a validation, a change and a hook: status {ticket.Status}, resolution kept as a comment");
        await Show("validation of an action", () => helpdesk.UpdateAsync(ticket, new { resolution = "Again." }, action: "resolve", tenant: tenant));
        var typo = await helpdesk.CreateAsync<Comment>(new { body = "Wrong ticket, sorry.", ticket_id = ticket.Id, author_id = ada.Id }, tenant: tenant);
        await helpdesk.DestroyAsync(typo, action: "archive", tenant: tenant);
        var visible = await helpdesk.CountAsync(Query.For<Comment>().Action("visible").Filter(c => c.TicketId == ticket.Id), tenant);
        var stored = await helpdesk.CountAsync(Query.For<Comment>().Filter(c => c.TicketId == ticket.Id), tenant);
        Console.WriteLine($"  soft destroy (action archive sets archived_at): ticket #{ticket.Id} shows {visible} of its {stored} stored comments through the read action visible");

        Step("Bulk: import 3,000 tickets, close a query's worth in one statement");
        var imported = await helpdesk.BulkCreateAsync<Ticket>(
            Enumerable.Range(1, 3000).Select(i => (object?)new { subject = $"Imported ticket {i}", priority = (short)(i % 5 + 1), organization_id = acme.Id, reporter_id = ada.Id }),
            new BulkCreateOptions { Action = "open", Tenant = tenant });
        Console.WriteLine($"  imported {imported.Written} tickets ({imported.Status}), each validated and defaulted like a single create, sent by binary COPY");
        var rejected = await helpdesk.BulkCreateAsync<Ticket>(
            [new { subject = "Fine", organization_id = acme.Id, reporter_id = ada.Id }, new { subject = "x", organization_id = acme.Id, reporter_id = ada.Id }],
            new BulkCreateOptions { Action = "open", Tenant = tenant });
        Console.WriteLine($"  all or nothing: {rejected.Written} written, refused {string.Join("; ", rejected.Errors)}");
        var closed = await helpdesk.UpdateAllAsync(Query.For<Ticket>().Filter(t => t.Subject.StartsWith("Imported") && t.Priority == 5), null, action: "close", tenant: tenant);
        Console.WriteLine($"  closed {closed} imported priority-5 tickets with one UPDATE");

        Step("Errors, each one typed, none a raw database exception");
        await Show("missing required attribute", () => helpdesk.CreateAsync<User>(new { name = "No Email", organization_id = acme.Id }));
        await Show("unique identity", () => helpdesk.CreateAsync<Organization>(new { name = "Acme" }));
        await Show("unique index with a message", () => helpdesk.CreateAsync<Organization>(new { name = "Acme Two", domain = "acme.test" }));
        await Show("check constraint with a message", () => helpdesk.CreateAsync<CannedReply>(new { title = "Hi", shortcut = "hello there", body = "Hello!" }));
        await Show("foreign key on write", () => helpdesk.CreateAsync<Ticket>(new { subject = "Ghost", organization_id = acme.Id, reporter_id = Guid.NewGuid() }, action: "open", tenant: tenant));
        await Show("delete of a referenced row", () => helpdesk.DestroyAsync(bob));
        await Show("check constraint", () => helpdesk.UpdateAsync(ticket, new { estimated_hours = -2m }, tenant: tenant));
        await Show("value that cannot be cast", () => helpdesk.CreateAsync<Ticket>(new { subject = "Bad", priority = "high", organization_id = acme.Id, reporter_id = bob.Id }, action: "open", tenant: tenant));
        await Show("attribute constraint", () => helpdesk.CreateAsync<Ticket>(new { subject = "No", priority = 9, organization_id = acme.Id, reporter_id = bob.Id }, action: "open", tenant: tenant));
        await helpdesk.DestroyAsync(comment, tenant: tenant);
        await Show("stale record", () => helpdesk.DestroyAsync(comment, tenant: tenant));
        var stillThere = await helpdesk.ReadAsync(Query.For<Ticket>(), tenant);
        Console.WriteLine($"  tickets after the failed writes: {stillThere.Count} (nothing half-written)");

        Step("Destroy");
        var carl = await helpdesk.CreateAsync<User>(new { email = "carl@acme.test", name = "Carl", organization_id = acme.Id, role = "agent" });
        var other = await helpdesk.CreateAsync<Ticket>(new { subject = "VPN is down", organization_id = acme.Id, reporter_id = bob.Id }, action: "open", tenant: tenant);
        other = await helpdesk.UpdateAsync(other, new { assignee_id = carl.Id }, action: "assign", tenant: tenant);
        await helpdesk.DestroyAsync(carl);
        other = await helpdesk.GetAsync<Ticket>(other.Id, tenant);
        Console.WriteLine($"  destroyed Carl: ticket #{other.Id} is unassigned (assignee {(other.AssigneeId?.ToString() ?? "none")}) and still in organization {(other.OrganizationId == acme.Id ? "Acme" : "?")}: SET NULL (assignee_id) only");
        ticket = await helpdesk.UpdateAsync(ticket, null, action: "close", tenant: tenant);
        await helpdesk.DestroyAsync(ticket, tenant: tenant);
        var tickets = await helpdesk.CountAsync(Query.For<Ticket>(), tenant);
        await helpdesk.DestroyAsync(acme);
        var left = await helpdesk.ReadAsync(Query.For<User>());
        var schemaLeft = (await helpdesk.Postgres().AllTenantsAsync(typeof(HelpDeskRepo))).Contains(tenant);
        Console.WriteLine($"  closed and destroyed ticket #{ticket.Id}; destroying Acme cascaded to its {2 - left.Count} users and dropped its schema with its {tickets} tickets (schema left: {schemaLeft})");

        Step("Schema per tenant: each organization's tickets and assets in its own schema");
        await new TenantDemo(helpdesk, connectionString).RunAsync();
        if (replica is not null && connectionString is not null)
        {
            Step("Read replica: reads routed to it, read-your-writes");
            await new ReplicaDemo(helpdesk, connectionString, replica).RunAsync();
        }

        Console.WriteLine();
        Console.WriteLine("Done.");
    }

    private static void Step(string title) => Console.WriteLine($"{Environment.NewLine}== {title}");

    internal static async Task Show(string what, Func<Task> action)
    {
        try
        {
            await action();
            Console.WriteLine($"  {what}: NOT refused (unexpected)");
        }
        catch (AshlarException e)
        {
            foreach (var error in e.Errors)
            {
                Console.WriteLine($"  {what}: {e.GetType().Name} / {error.GetType().Name} on {error.Resource}{(error.Field is null ? "" : "." + error.Field)}: {error.Message}");
            }
        }
    }
}
