using Ashlar.Cli;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Queries;
using HelpDesk;
using HelpDesk.Resources;

/// <summary>
/// The demo's schema-per-tenant step: two organizations, each a tenant with its own schema holding its tickets and
/// assets; reads in each tenant, the refusals, and <c>migrate --tenants</c> over every tenant with its report.
/// </summary>
internal sealed class TenantDemo(Domain helpdesk, string? connectionString)
{
    public async Task RunAsync()
    {
        var globex = await helpdesk.CreateAsync<Organization>(new { name = "Globex" });
        var initech = await helpdesk.CreateAsync<Organization>(new { name = "Initech" });
        string[] tenants = [globex.Tenant, initech.Tenant];
        Console.WriteLine($"  created Globex and Initech: each record came with its own schema ({tenants[0]}, {tenants[1]}), migrated in the record's transaction");

        // Users are shared (helpdesk.users); each organization's tickets are in its schema, numbered from 1 there.
        var hank = await helpdesk.CreateAsync<User>(new { email = "hank@globex.test", name = "Hank", organization_id = globex.Id });
        var peter = await helpdesk.CreateAsync<User>(new { email = "peter@initech.test", name = "Peter", organization_id = initech.Id });
        Ticket? latest = null;
        foreach (var subject in new[] { "Doomsday device hums", "Monorail is late", "Badge reader beeps" })
        {
            latest = await helpdesk.CreateAsync<Ticket>(new { subject, organization_id = globex.Id, reporter_id = hank.Id }, TicketActions.Open, tenants[0]);
        }

        await helpdesk.CreateAsync<Ticket>(new { subject = "TPS report cover sheets", organization_id = initech.Id, reporter_id = peter.Id }, TicketActions.Open, tenants[1]);
        foreach (var organization in new[] { globex, initech })
        {
            var tickets = await helpdesk.ReadAsync(Query.For<Ticket>().Sort(t => t.Id), organization.Tenant);
            Console.WriteLine($"  {organization.Name}'s tickets ({tickets.Count}): {string.Join(", ", tickets.Select(t => $"#{t.Id} {t.Subject}"))}");
        }

        await Demo.Show($"Globex's ticket #{latest!.Id} read as Initech", () => helpdesk.GetAsync<Ticket>(latest.Id, tenants[1]));
        await Demo.Show("a Globex user as the reporter of an Initech ticket", () => helpdesk.CreateAsync<Ticket>(
            new { subject = "Stapler missing", organization_id = initech.Id, reporter_id = hank.Id }, TicketActions.Open, tenants[1]));
        await Demo.Show("tickets without a tenant", () => helpdesk.ReadAsync(Query.For<Ticket>()));

        await helpdesk.CreateAsync<Asset>(new { name = "Laser printer", serial_number = "SN-100" }, tenant: tenants[0]);
        await helpdesk.CreateAsync<Asset>(new { name = "Core router", serial_number = "SN-100" }, tenant: tenants[1]);
        foreach (var (name, tenant) in new[] { ("Globex", tenants[0]), ("Initech", tenants[1]) })
        {
            var assets = await helpdesk.ReadAsync(Query.For<Asset>().Sort(a => a.Name), tenant: tenant);
            Console.WriteLine($"  {name}'s assets: {string.Join(", ", assets.Select(a => $"{a.Name} ({a.SerialNumber})"))}");
        }

        Console.WriteLine($"  one cached SQL shape for every tenant (the tenant's schema is written in as the statement is sent): {helpdesk.ToSql(Query.For<Asset>().Filter(a => a.SerialNumber == "SN-100"), tenant: tenants[0])}");
        await Demo.Show("a second SN-100 in Globex (Initech's SN-100 is another tenant's)", () => helpdesk.CreateAsync<Asset>(new { name = "Copier", serial_number = "SN-100" }, tenant: tenants[0]));
        await Demo.Show("a tenant name with SQL in it", () => helpdesk.ReadAsync(Query.For<Asset>(), tenant: "org_x\"; DROP SCHEMA helpdesk CASCADE; --"));

        if (connectionString is not null)
        {
            // What a deployment runs after adding a tenant migration: every organization's schema, two at a time.
            Console.WriteLine("  migrate --tenants --jobs 2 (the repo's AllTenants: one schema per organization):");
            await AshlarCli.RunAsync(["migrate", "--tenants", "--jobs", "2"], helpdesk.Model, new CliOptions
            {
                ConnectionString = connectionString,
                MigrationsDirectory = SamplePaths.MigrationsDirectory,
            });
        }

        await helpdesk.DestroyAsync(globex);
        await helpdesk.DestroyAsync(initech);
        var left = await helpdesk.Postgres().AllTenantsAsync(typeof(HelpDeskRepo));
        Console.WriteLine($"  destroyed Globex and Initech: their schemas went with them (DropSchemaOnDestroy); {left.Count(tenants.Contains)} of the two left");
    }
}
