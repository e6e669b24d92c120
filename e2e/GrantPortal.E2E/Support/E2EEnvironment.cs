using System.Globalization;

namespace GrantPortal.E2E.Support;

// The real services that ./test starts. Without them a test fails with the variable to set.
public static class E2EEnvironment
{
    public static string Postgres => Require("GP_TEST_PG");
    public static string Blobs => Require("GP_TEST_BLOB");
    public static string SmtpHost => Require("GP_TEST_SMTP_HOST");
    public static int SmtpPort => int.Parse(Require("GP_TEST_SMTP_PORT"), CultureInfo.InvariantCulture);
    public static string MailCatcherUrl => Require("GP_TEST_MAILDEV_URL");

    // Debian's Chromium: no browser can be downloaded here. GP_E2E_CHROMIUM overrides the path.
    public static string ChromiumPath => Environment.GetEnvironmentVariable("GP_E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // $GP_ARTIFACTS/screenshots, else <repo>/artifacts/screenshots (git-ignored).
    public static string ScreenshotDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("GP_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.Combine(RepositoryRoot(), "artifacts"), "screenshots");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GrantPortal.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test (or `source /tmp/testenv.sh`), which provides PostgreSQL, Azurite and the mail catcher.");
}
