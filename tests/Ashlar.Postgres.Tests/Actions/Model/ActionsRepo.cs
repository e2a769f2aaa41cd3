using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class ActionsRepo : PostgresRepo
{
}
