namespace Steward.Server.Tests.Hosting;

/// <summary>The database a test runs on: every API test class runs once on each.</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}
