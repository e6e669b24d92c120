using System.Text;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

// Upload a registry CSV; the import runs in the background while this page polls its status.
[RequestSizeLimit(200_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 200_000_000)]
public sealed class ImportModel(IMediator mediator, ImportJobs jobs, ICurrentUser user, IStringLocalizer<Messages> l) : PageModel
{
    public const string Example = """
        programme,project_code,project_title,document_type,document_number,person_name,role,starts_on,original_ends_on,ends_on,left_team_on
        NationalKeyRd,2017YFA0100100,"示例项目, 一期",ResidentIdCard,11010519491231002X,张三,ProjectLeader,2017-07-01,2020-06-30,2021-06-30,
        NationalKeyRd,2017YFA0100100,"示例项目, 一期",Passport,E12345678,John Smith,KeyMember,2017-07-01,2020-06-30,2021-06-30,2019-03-01

        """;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public ImportEncoding Encoding { get; set; } = ImportEncoding.Auto;
    [BindProperty] public bool GoodLinesOnly { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Job { get; set; }
    public ImportStatus? Status { get; private set; }
    public bool FileMissing { get; private set; }

    public IActionResult OnGet()
    {
        if (Job is { } id)
        {
            if (jobs.Find(id, ImportJobs.OwnerOf(user)) is not { } job) return NotFound();
            Status = ImportStatus.From(job, l);
        }
        return Page();
    }

    public IActionResult OnGetStatus(Guid job) =>
        jobs.Find(job, ImportJobs.OwnerOf(user)) is { } found ? new JsonResult(ImportStatus.From(found, l)) : NotFound();

    public IActionResult OnGetExample() =>
        File(new UTF8Encoding(true).GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Example.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray(),
            "text/csv", "ongoing-projects-example.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileMissing = true;
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var job = await mediator.Send(new StartImport(stream, Encoding, GoodLinesOnly), ct);
        return LocalRedirect($"/OngoingProjects/Import?job={job.Id}");
    }
}
