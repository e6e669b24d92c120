using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.Submit;
using GrantPortal.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrantPortal.Bench.Deadline;

// The same submissions without HTTP: the app's own service container (WebApplicationFactory over
// Program, configured from the same environment as the app process, so the same database), one DI
// scope per submission and IMediator.Send(SubmitPreProposal) as the lead unit's API client — what
// SubmitEndpoint does after authentication and model binding. N tasks, closed loop, fresh drafts.
// The difference to the HTTP figures is Kestrel, the bearer-token validation (a token-store
// lookup per request), routing, authorization and JSON (de)serialisation, and the HTTP client.
public static class InProcessSubmitters
{
    // The outbox worker of the app process already runs on this database. WebApplicationFactory
    // finds the app's content root through MvcTestingAppManifest.json in the CURRENT directory
    // (bench/run starts us at the repository root): look for it next to the bench's binaries.
    public static WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Smtp:WorkerEnabled", "false")
            .ConfigureLogging(l => l.ClearProviders()));
        var cwd = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            _ = factory.Services;
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }
        return factory;
    }

    // The claims /connect/token puts in a client-credentials token of the lead unit's API client.
    public static ClaimsPrincipal LeadClient(string clientId, Guid unit) =>
        new(new ClaimsIdentity(
            [new Claim("sub", clientId), new Claim("name", clientId), new Claim("role", Roles.LeadUnitAdmin), new Claim(AppClaims.UnitId, unit.ToString())],
            "Bearer", "name", "role"));

    public static async Task<SubmitRun> RunAsync(IServiceProvider services, ClaimsPrincipal principal, PreparedDraft[][] drafts, int first, int count,
        Guid recommendingUnit, CancellationToken ct)
    {
        var results = new ConcurrentBag<Submitted>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wall = new Stopwatch();
        var tasks = Enumerable.Range(0, drafts.Length).Select(c => Task.Run(async () =>
        {
            await start.Task;
            for (var j = first; j < first + count; j++)
                results.Add(await SubmitAsync(services, principal, drafts[c][j], recommendingUnit, ct));
        }, ct)).ToList();
        wall.Start();
        start.SetResult();
        await Task.WhenAll(tasks);
        wall.Stop();
        return new SubmitRun([.. results], wall.Elapsed);
    }

    private static async Task<Submitted> SubmitAsync(IServiceProvider services, ClaimsPrincipal principal, PreparedDraft draft, Guid recommendingUnit, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = services.CreateAsyncScope();
            // HttpCurrentUser reads the user of the current (async-local) HttpContext.
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
                new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = await mediator.Send(new SubmitPreProposal(new ProposalId(draft.Id), recommendingUnit, true, Guid.NewGuid().ToString("N")), ct);
            watch.Stop();
            if (result.Outcome == Outcome.Done) return new(draft, SubmitOutcome.Accepted, watch.Elapsed.TotalMilliseconds, 200, []);
            var codes = result.Errors.Select(e => e.Code).ToList();
            var byRule = result.Outcome == Outcome.Invalid && codes.Count > 0
                && codes.All(code => RuleSet.Ids.Any(id => code.StartsWith(id, StringComparison.Ordinal)));
            return new(draft, byRule ? SubmitOutcome.RefusedByRule : SubmitOutcome.Error, watch.Elapsed.TotalMilliseconds, 400, codes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(draft, SubmitOutcome.Error, watch.Elapsed.TotalMilliseconds, 500, [e.GetType().Name]);
        }
    }
}
