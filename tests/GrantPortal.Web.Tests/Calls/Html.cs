using System.Net;

namespace GrantPortal.Web.Tests.Calls;

public static class Html
{
    // Razor encodes Chinese text as character references; tests compare the decoded text.
    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
