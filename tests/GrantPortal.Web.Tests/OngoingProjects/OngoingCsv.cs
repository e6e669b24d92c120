using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.OngoingProjects;

public static class OngoingCsv
{
    public const string Header = "programme,project_code,project_title,document_type,document_number,person_name,role,starts_on,original_ends_on,ends_on,left_team_on";

    // A valid resident ID number for the n-th generated person.
    public static string Rid(int n) =>
        SeedRegistry.Rid("110105" + new DateOnly(1960, 1, 1).AddDays(n % 10000).ToString("yyyyMMdd") + (n % 1000).ToString("D3"));

    public static string Line(int n, string name = "", string code = "", string endsOn = "2021-06-30") =>
        $"NationalKeyRd,{(code == "" ? "2018YFE" + (n / 3).ToString("D7") : code)},\"项目, {n}\",ResidentIdCard,{Rid(n)},{(name == "" ? "人员" + n : name)},KeyMember,2018-07-01,2021-06-30,{endsOn},";

    public static string File(IEnumerable<string> lines) => Header + "\r\n" + string.Join("\r\n", lines) + "\r\n";

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    public static Task<HttpClient> StaffApiAsync(this GrantPortalFactory app) => app.ApiClientAsync([Roles.ExchangeCenterStaff], null);

    // Posts the file to the import API and polls the job until it is done; returns its status.
    public static async Task<JsonElement> ImportAsync(this HttpClient api, byte[] file, bool goodLinesOnly = false, string encoding = "Auto")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var started = await api.PostAsync($"/api/v1/ongoing-projects/import?goodLinesOnly={goodLinesOnly.ToString().ToLowerInvariant()}&encoding={encoding}", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            var status = await api.GetFromJsonAsync<JsonElement>(location);
            var state = status.GetProperty("state").GetString();
            if (state is "Done" or "Failed") return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }
}
