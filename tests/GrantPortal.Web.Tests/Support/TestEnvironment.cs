namespace GrantPortal.Web.Tests.Support;

// The real services that ./test starts (never an in-memory fake). A test that runs without them
// fails with the name of the variable to set, rather than silently passing.
public static class TestEnvironment
{
    public static string Postgres => Require("GP_TEST_PG");
    public static string Blobs => Require("GP_TEST_BLOB");
    public static string SmtpHost => Require("GP_TEST_SMTP_HOST");
    public static int SmtpPort => int.Parse(Require("GP_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static string MailCatcherUrl => Require("GP_TEST_MAILDEV_URL");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test, which starts PostgreSQL, Azurite and the mail catcher.");
}
