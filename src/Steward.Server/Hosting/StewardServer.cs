using Microsoft.Extensions.Configuration.Memory;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Steward.Protocol;
using Steward.Server.Agents;
using Steward.Server.Agents.Logons;
using Steward.Server.Agents.Cycles;
using Steward.Server.Audit;
using Steward.Server.Clients;
using Steward.Server.WebConsole;
using Steward.Server.Decisions;
using Steward.Server.Fleet;
using Steward.Server.Heartbeats;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;
using Steward.Server.LogonPoints;
using Steward.Server.Packages;
using Steward.Server.Rollouts;
using Steward.Server.Scenarios;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Sql;
using Steward.Server.Telemetry;
using Steward.Server.Tokens;

namespace Steward.Server.Hosting;

/// <summary>The site server: builds and runs the ASP.NET Core application.</summary>
public static class StewardServer
{
    /// <summary>The address the server listens on unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5180";

    private const int MinWorkerThreads = 8;

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",

        // Hosting writes nothing above Information (request started and finished), but while its logger is
        // on at any level it opens a log scope and an Activity for every request: about a tenth of what an
        // agent's request allocated. Set it in appsettings.json to see those lines again.
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",

        // The console's cookie keys are kept unencrypted in the owner-only <data>/console-keys by design (decision
        // 0019); data protection warns of that at every new key, which would read as a fault in the log.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
    };

    /// <summary>Runs the server until it is stopped; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var app = Build(args);
            await using (app.ConfigureAwait(false))
            {
                // Resolved before the host starts, so that a wrong setting is one clear line, not a start-up failure.
                ServerCertificate.Check(app.Configuration, app.Services.GetRequiredService<TimeProvider>());
                app.Services.GetRequiredService<SqlStore>();
                IgnoredStopSignals.Report(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IgnoredStopSignals).FullName!));
                await app.RunAsync().ConfigureAwait(false);
            }

            return 0;
        }
        catch (System.Data.Common.DbException e)
        {
            await Console.Error.WriteLineAsync($"steward server: the database cannot be used: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (InvalidConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"steward server: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync($"steward server: {failure}").ConfigureAwait(false);
            }

            return 2;
        }
    }

    /// <summary>Builds the application from command-line arguments, the environment and appsettings.json.</summary>
    public static WebApplication Build(string[] args)
    {
        // SQLite's calls block their thread; a pool that starts with one worker per core would queue
        // requests behind the first one that waits on the disk.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinWorkerThreads), completions);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });

        // Defaults below every other source, so appsettings.json, STEWARD__... and options override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Configuration.AddCommandLine(args, ServerSwitches.Mappings());
        ServerCertificate.BindUrlsAsEndpoints(builder, DefaultUrl);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ConfigureServices(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    // Settings are read when the services are first resolved, not while they are registered, so that
    // every configuration source (a test host's too) is in place by then.
    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidation>();
        builder.Services.AddSingleton(s => s.GetRequiredService<IOptions<ServerOptions>>().Value);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PrivateDirectories>();
        builder.Services.AddSingleton(s => StoreFactory.Create(s.GetRequiredService<ServerOptions>(), s.GetRequiredService<PrivateDirectories>()));
        builder.Services.AddSingleton<IStewardStore>(s => s.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IHeartbeatWriter>(s => s.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IRolloutStore>(s => s.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IRolloutHourStore>(s => s.GetRequiredService<SqlStore>());
        builder.Services.AddSingleton<IRolloutClock>(ProcessRolloutClock.For);
        builder.Services.AddSingleton<LiveRollouts>();
        builder.Services.AddSingleton<SigningKeys>();
        builder.Services.AddSingleton<PackageStore>();
        builder.Services.AddSingleton<SiteTableBuilder>();
        builder.Services.AddSingleton<DecisionRecorder>();
        builder.Services.AddSingleton<LogonService>();
        builder.Services.AddSingleton<CycleDecider>();
        builder.Services.AddSingleton<KeptCycleAnswers>(s => ActivatorUtilities.CreateInstance<KeptCycleAnswers>(s, s.GetRequiredService<CycleDecider>()));
        builder.Services.AddSingleton<ICycleDecider>(s => s.GetRequiredService<KeptCycleAnswers>());
        builder.Services.AddSingleton<UpgradeReports>();
        builder.Services.AddSingleton<PackageOffers>();
        builder.Services.AddSingleton<StewardMetrics>();
        builder.Services.AddSingleton<HeartbeatQueue>();
        builder.Services.AddSingleton<RefusalLimiter>();
        builder.Services.AddSingleton<UnenrolledCleanup>();
        builder.Services.AddSingleton<InactiveClientCount>();
        builder.Services.AddHostedService<ServerInitializer>();
        builder.Services.AddHostedService(s => s.GetRequiredService<HeartbeatQueue>());
        builder.Services.AddHostedService(s => s.GetRequiredService<UnenrolledCleanup>());
        builder.Services.AddSingleton<RolloutSweeper>();
        builder.Services.AddHostedService(s => s.GetRequiredService<RolloutSweeper>());
        builder.Services.AddSingleton<RolloutHours>();
        builder.Services.AddHostedService(s => s.GetRequiredService<RolloutHours>());
        builder.Services.AddSingleton<RolloutForecasts>();
        builder.Services.AddSingleton<RolloutWebhook>();
        builder.Services.AddHostedService(s => s.GetRequiredService<RolloutWebhook>());
        builder.Services.AddHostedService(s => s.GetRequiredService<InactiveClientCount>());
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.TypeInfoResolverChain.Insert(0, ProtocolJson.Default));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        AccessPolicies.AddTo(builder.Services);
        ConsoleSetup.AddTo(builder.Services);

        // A lambda, not a method group: the generator that adds the XML comments intercepts only that form.
        builder.Services.AddOpenApi(o => OpenApiSetup.Configure(o));
        StewardMetrics.AddTelemetry(builder.Services);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ConsoleSetup.Use(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        HealthEndpoints.Map(app);
        StewardMetrics.MapScrapeEndpoint(app);

        // Each endpoint names its rule: the least administrator role it needs, the client policy, or AllowAnonymous.
        var admin = app.MapGroup(string.Empty).WithMetadata(ApiAccess.AdminToken).WithTags("admin");
        SiteEndpoints.Map(admin);
        LogonPointEndpoints.Map(admin);
        PackageEndpoints.Map(admin);
        ClientEndpoints.Map(admin);
        FleetEndpoints.Map(admin);
        ScenarioEndpoints.Map(admin);
        AuditEndpoints.Map(admin);
        PushAuditEndpoint.Map(admin);
        KeyEndpoints.Map(admin);
        TokenEndpoints.Map(admin);
        RolloutEndpoints.Map(admin);

        var agents = app.MapGroup(string.Empty).WithTags("agent");
        LogonEndpoints.Map(agents);
        AccessPointEndpoints.Map(agents);
        ContentEndpoints.Map(agents);
        ConsoleSetup.Map(app);
        EveryEndpointRuled.Check(((IEndpointRouteBuilder)app).DataSources);
    }
}
