using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.Tests.Replicas.Model;
using Xunit;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>Build-time checks of read repos: a replica is never written, one statement never spans two databases.</summary>
public sealed class ReadRepoDeclarationTests
{
    [Fact]
    public void A_read_repo_that_is_also_a_resource_s_repo_is_refused()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("mixed", d => d.Resource<Ledger>().Resource<LedgerEntry>().Resource<AuditLine>().Resource<ReplicaWriter>()));

        Assert.Equal(["Ledger", "LedgerEntry"], error.Problems.Select(p => p.Resource));
        var problem = Assert.Single(error.Problems, p => p.Resource == "Ledger");
        Assert.Equal("postgres read_repo", problem.Option);
        Assert.Contains("ReplicaRepo is also the repo of ReplicaWriter", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("repo class of its own", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aggregate_into_another_read_repo_is_refused_with_the_fix()
    {
        var error = Assert.Throws<DeclarationException>(() => DomainModel.Build("audits", d => d.Resource<AuditedLedger>().Resource<AuditLine>()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("AuditedLedger", "aggregate audit_count"), (problem.Resource, problem.Option));
        Assert.Contains("AuditLine (repo PrimaryRepo)", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("load audit_lines instead", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_sharing_repo_and_read_repo_build()
    {
        Assert.Equal(3, ReplicaModel.Model.Resources.Count);
    }
}
