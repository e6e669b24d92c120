using GrantPortal.Web.Features;
using GrantPortal.Web.Features.Eligibility.Check;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Operations;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;

// `GrantPortal.Web check PATH...`: the eligibility check of application documents on disk (README).
if (args.Length > 0 && args[0] == "check")
{
    return await CheckCommandLine.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
try
{
    builder.Services.AddPersistence(builder.Configuration);
    builder.Services.AddBlobStorage(builder.Configuration);
}
catch (StartupChecks.StartupException ex)
{
    await Console.Error.WriteLineAsync("GrantPortal cannot start: " + ex.Message);
    return 2;
}
builder.Services.AddMail(builder.Configuration);
builder.Services.AddCatalogLocalization();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddOidcServer(builder.Configuration, builder.Environment);
builder.Services.AddMediator((MediatorOptions options) => options.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddFeatures();
builder.Services.AddHealth();

var app = builder.Build();

// `GrantPortal.Web migrate`: apply the EF Core migrations, seed, print the demo logins, exit.
if (args.Contains("migrate"))
{
    return await Seeder.MigrateAndSeedAsync(app.Services, app.Configuration, Console.Out, CancellationToken.None);
}

try
{
    await StartupChecks.VerifyAsync(app.Services, CancellationToken.None);
}
catch (StartupChecks.StartupException ex)
{
    app.Logger.LogCritical("GrantPortal cannot start: {Reason}", ex.Message);
    await Console.Error.WriteLineAsync("GrantPortal cannot start: " + ex.Message);
    return 2;
}

app.UseGrantPortalPipeline();
app.MapFeatures();

await app.RunAsync();
return 0;

public partial class Program;
