using System.Text.Json;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

public sealed class OpenApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task OpenApi_DocumentsTheLifecycleEndpoints_WithAnExampleBodyForSubmit()
    {
        var doc = JsonDocument.Parse(await (await app.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync()).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var op in new[] { "complete", "reopen", "submit", "withdraw", "accept", "receipt", "history" })
            Assert.True(paths.TryGetProperty($"/api/v1/pre-proposals/{{id}}/{op}", out _), op);
        var submit = paths.GetProperty("/api/v1/pre-proposals/{id}/submit").GetProperty("post");
        Assert.False(string.IsNullOrEmpty(submit.GetProperty("summary").GetString()));
        var example = submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(example.GetProperty("unitIntegrityConfirmed").GetBoolean());
        Assert.Contains(submit.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }
}
