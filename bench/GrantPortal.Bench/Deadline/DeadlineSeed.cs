using System.Diagnostics;
using System.Security.Cryptography;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.PreProposals.Attachments;
using GrantPortal.Web.Infrastructure.Seed;
using Npgsql;
using NpgsqlTypes;

namespace GrantPortal.Bench.Deadline;

// A draft ready to submit, and what its submission must answer: null = accepted, else the rule
// that must refuse it (the loser of a deliberate race with its twin, submitted by the next client).
public sealed record PreparedDraft(Guid Id, string? ExpectedRule, int Pair);

public sealed record SeedResult(
    Guid CallId, Guid LeadUnitId, Guid RecommendingUnitId, Guid ExchangeCenterUnitId,
    PreparedDraft[][] Drafts, int People, int Ongoing, int Applications, int Units, TimeSpan Elapsed,
    IReadOnlyList<(string Table, TimeSpan Time, long Rows)> Steps);

// Seeds the deadline-day database with binary COPY (Npgsql), in the exact shape the app stores:
// the registry (units, people, ongoing projects), 10,000 submitted applications of the demo call
// (members, units, indicator answers, attachments, transitions, canonical snapshot and its hash),
// and the complete drafts the 64 clients will submit. Generated in memory from a fixed seed.
//
// The people are split into pools so that the verdicts are known in advance:
//   domestic [0, D1)      teams of the seeded applications; most of the ongoing projects
//   domestic [D1, D2)     key members of the new drafts; one project in four people has an ongoing
//                         key-member role ending ON the cut-off (not counted) or the day AFTER (counted)
//   domestic [D2, D3)     PIs of the new drafts (no ongoing project, no application)
//   foreign  [F0, F1)     foreign leads and members of the seeded applications
//   foreign  [F1, N)      foreign leads and members of the new drafts
public sealed class DeadlineSeed(NpgsqlDataSource data, DeadlineOptions o)
{
    private const string DemoCall = "DEMO-SIC";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] SurnamesEn = ["WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU", "SUN", "MA", "ZHU", "HU", "GUO", "HE", "LIN", "GAO", "LUO"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建华", "晓东"];
    private static readonly string[] GivenEn = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yang", "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiuying", "Hua", "Ping", "Gang", "Guiying", "Jianhua", "Xiaodong"];
    private static readonly string[] ForeignNames = ["MÜLLER Hans", "SMITH Anna", "TANAKA Hiroshi", "DUPONT Claire", "ROSSI Marco", "JOHANSSON Erik", "DE VRIES Sanne", "KIM Minjun", "GARCIA Lucia", "NOVAK Petr"];
    private static readonly string[] Countries = ["DE", "GB", "JP", "FR", "IT", "SE", "NL", "KR", "ES", "CZ"];
    private static readonly string[] Provinces = ["北京", "上海", "江苏", "浙江", "广东", "湖北", "四川", "陕西", "山东", "辽宁"];
    private static readonly string[] Topics = ["新能源微电网", "智能制造", "海洋生态修复", "先进核能材料", "精准医学影像", "量子通信", "碳捕集利用", "智慧农业", "城市交通大脑", "高端芯片封装"];

    private readonly Random rng = new(20190114);
    private readonly List<(string, TimeSpan, long)> steps = [];

    private sealed record U(Guid Id, string Name, string? NameEn, UnitKind Kind, string? Code, string? Country, string? ForeignNo, DateOnly Registered, string? Province);

    private sealed record P(Guid Id, IdentityDocumentType Type, string Number, string Name, string NameEn, DateOnly Born,
        ProfessionalTitle Title, Degree Degree, string? Nationality, Guid UnitId);

    private sealed record M(Guid PersonId, MemberRole Role, int Sort);

    private sealed record App(Guid Id, Guid Direction, int DirectionIndex, string Title, Guid Lead, Guid Pi, M[] Members, Guid[] Units,
        string? Number, DateTimeOffset? SubmittedAt, bool Submitted, bool Enterprise);

    public async Task<SeedResult> RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var conn = await data.OpenConnectionAsync(ct);

        // What the demo seed ('migrate') created.
        var callId = await ScalarAsync<Guid>(conn, $"SELECT \"Id\" FROM calls WHERE \"Code\" = '{DemoCall}'", ct);
        var call = await ReadAsync(conn, $"SELECT \"Code\", \"Title\", \"PreWindowOpens\" FROM calls WHERE \"Id\" = '{callId}'", r => (Code: r.GetString(0), Title: r.GetString(1), Opens: r.GetFieldValue<DateTimeOffset>(2)), ct);
        var directions = await ReadAllAsync(conn, $"SELECT \"Id\", \"Number\", \"Title\", \"Indicators\" FROM guide_directions WHERE \"CallId\" = '{callId}' ORDER BY \"SortOrder\", \"Number\"",
            r => (Id: r.GetGuid(0), Number: r.GetString(1), Title: r.GetString(2), Indicators: r.GetFieldValue<string[]>(3)), ct);
        var demoUnits = await ReadAllAsync(conn, "SELECT \"Id\", \"Name\", \"NameEn\", \"Kind\", \"SocialCreditCode\", \"CountryCode\", \"ForeignRegistrationNumber\", \"RegistrationDate\", \"Province\" FROM units",
            r => new U(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Enum.Parse<UnitKind>(r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? default : r.GetFieldValue<DateOnly>(7), r.IsDBNull(8) ? null : r.GetString(8)), ct);
        var lead = demoUnits.Single(u => u.Code == SeedRegistry.UniversityCode);
        var beijing = demoUnits.Single(u => u.Code == SeedRegistry.ProvinceCode);
        var association = demoUnits.Single(u => u.Code == SeedRegistry.AssociationCode);
        var exchange = demoUnits.Single(u => u.Code == SeedRegistry.ExchangeCenterCode);
        var users = (await ReadAllAsync(conn, "SELECT \"Email\", \"Id\" FROM \"AspNetUsers\"", r => (r.GetString(0), r.GetGuid(1)), ct)).ToDictionary(x => x.Item1, x => x.Item2);
        if (!users.TryGetValue(BenchProgram.Applicant, out var piUser) || !users.TryGetValue(BenchProgram.LeadAdmin, out var leadUser))
            throw new BenchException("the demo users are missing: 'migrate' must run in Development (Seed:DemoUsers)");
        var now = TimeProvider.System.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));

        // ---- units: 400 Chinese research units and 100 foreign partners besides the demo ones.
        var domestic = new List<U>();
        for (var i = 0; i < 400; i++)
        {
            var (kind, prefix, noun) = (i % 4) switch
            {
                0 or 1 => (UnitKind.University, "1211", "大学"),
                2 => (UnitKind.ResearchInstitute, "1210", "研究院"),
                _ => (UnitKind.Enterprise, "9131", "科技有限公司"),
            };
            var province = Provinces[i % Provinces.Length];
            domestic.Add(new U(Guid.CreateVersion7(), $"{province}第{i + 1}{noun}（基准）", $"Bench unit {i + 1}", kind,
                SocialCreditCode.WithCheckDigit($"{prefix}0000{500000000 + i:D9}"[..17]), null, null, new DateOnly(1950 + i % 60, 1 + i % 12, 1), province));
        }
        var foreign = new List<U>();
        for (var i = 0; i < 100; i++)
        {
            var kind = (i % 3) switch { 0 => UnitKind.ForeignUniversity, 1 => UnitKind.ForeignResearchInstitute, _ => UnitKind.ForeignEnterprise };
            foreign.Add(new U(Guid.CreateVersion7(), $"外方合作单位{i + 1}（基准）", $"Bench partner {i + 1}", kind, null, Countries[i % Countries.Length],
                $"BENCH-{i + 1:D5}", new DateOnly(1900 + i, 1 + i % 12, 1 + i % 28), null));
        }
        var t = Stopwatch.StartNew();
        await CopyAsync(conn, "units", ["Id", "Name", "NameEn", "Kind", "SocialCreditCode", "CountryCode", "ForeignRegistrationNumber", "RegistrationDate", "IsStateOrgan", "IsCreditBlacklisted", "Province", "SupervisingMinistry", "IsVerified"],
            domestic.Concat(foreign), (w, u) =>
            {
                w.Write(u.Id, NpgsqlDbType.Uuid); w.Write(u.Name, NpgsqlDbType.Varchar); Text(w, u.NameEn); w.Write(u.Kind.ToString(), NpgsqlDbType.Varchar);
                Text(w, u.Code); Text(w, u.Country); Text(w, u.ForeignNo); w.Write(u.Registered, NpgsqlDbType.Date);
                w.Write(false, NpgsqlDbType.Boolean); w.Write(false, NpgsqlDbType.Boolean); Text(w, u.Province); w.WriteNull(); w.Write(true, NpgsqlDbType.Boolean);
            }, ct);
        steps.Add(("units", t.Elapsed, domestic.Count + foreign.Count));

        // ---- people.
        var n = o.People;
        int d1 = n / 2, d2 = d1 + n / 8, d3 = d2 + n / 8, f0 = d3, f1 = f0 + n / 10;
        var people = new P[n];
        for (var i = 0; i < n; i++)
        {
            var isForeign = i >= f0;
            var born = isForeign ? new DateOnly(1955 + rng.Next(40), 1 + rng.Next(12), 1 + rng.Next(28)) : new DateOnly(1958 + rng.Next(35), 1 + rng.Next(12), 1 + rng.Next(28));
            // The PIs and foreign leads of the new drafts are qualified (PI-TITLE, FOREIGN-LEAD-TIME); others are a mix.
            var qualified = (i >= d2 && i < d3) || i >= f0 || rng.Next(10) < 7;
            var title = qualified ? (rng.Next(2) == 0 ? ProfessionalTitle.Senior : ProfessionalTitle.AssociateSenior) : (ProfessionalTitle)rng.Next(3);
            var degree = qualified && rng.Next(2) == 0 ? Degree.Doctorate : (Degree)(1 + rng.Next(2));
            if (isForeign)
            {
                var name = ForeignNames[i % ForeignNames.Length] + " " + (i - f0 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                people[i] = new P(Guid.CreateVersion7(), IdentityDocumentType.Passport, $"B{i:D8}", name, name, born, title, degree,
                    Countries[i % Countries.Length], foreign[i % foreign.Count].Id);
            }
            else
            {
                var s = rng.Next(Surnames.Length);
                var g = rng.Next(Given.Length);
                // Region code and sequence from the index: unique, whatever the birth date.
                var number = ResidentIdNumber.WithCheckDigit($"{110000 + i / 1000:D6}{born:yyyyMMdd}{i % 1000:D3}");
                var unit = i >= d2 && i < d3 ? lead.Id : domestic[rng.Next(domestic.Count)].Id;
                people[i] = new P(Guid.CreateVersion7(), IdentityDocumentType.ResidentIdCard, number, Surnames[s] + Given[g], $"{SurnamesEn[s]} {GivenEn[g]}", born, title, degree, "CN", unit);
            }
        }
        t.Restart();
        await CopyAsync(conn, "people", ["Id", "DocumentType", "DocumentNumber", "Name", "NameEn", "BirthDate", "Title", "Degree", "IsCivilServant", "Nationality", "UnitId", "IsVerified"],
            people, (w, p) =>
            {
                w.Write(p.Id, NpgsqlDbType.Uuid); w.Write(p.Type.ToString(), NpgsqlDbType.Varchar); w.Write(p.Number, NpgsqlDbType.Varchar);
                w.Write(p.Name, NpgsqlDbType.Varchar); w.Write(p.NameEn, NpgsqlDbType.Varchar); w.Write(p.Born, NpgsqlDbType.Date);
                w.Write(p.Title.ToString(), NpgsqlDbType.Varchar); w.Write(p.Degree.ToString(), NpgsqlDbType.Varchar); w.Write(false, NpgsqlDbType.Boolean);
                Text(w, p.Nationality); w.Write(p.UnitId, NpgsqlDbType.Uuid); w.Write(true, NpgsqlDbType.Boolean);
            }, ct);
        steps.Add(("people", t.Elapsed, n));

        // ---- ongoing projects: 4 people per project. Most on the seeded teams' pool, roles and
        // end dates spread around ONGOING-CUTOFF (2019-06-30); one project in five in the drafts'
        // key-member pool, every one of its 4 people a key member, ending ON the cut-off (even
        // projects: not counted) or the day AFTER (odd: counted, so 1 + 1 = the limit of 2).
        var projects = o.Ongoing / 4;
        var poolProjects = Math.Min(projects / 5, (d2 - d1) / 4);
        var cutoff = new DateOnly(2019, 6, 30);
        var ongoingRows = new List<OngoingProject>(projects * 4);
        for (var p = 0; p < projects; p++)
        {
            var inPool = p >= projects - poolProjects;
            var q = p - (projects - poolProjects);
            var programme = inPool ? Programme.NationalKeyRd : (p % 20) switch
            {
                < 12 => Programme.NationalKeyRd,
                < 15 => Programme.NationalSciTechMajor,
                15 => Programme.Program973,
                16 => Programme.Program863,
                17 => Programme.KeyTechnologiesRd,
                18 => Programme.InternationalCooperation,
                _ => Programme.PublicWelfareIndustry,
            };
            var starts = inPool ? new DateOnly(2016, 7, 1) : new DateOnly(2014, 1, 1).AddDays(rng.Next(5 * 365));
            var originalEnd = inPool ? (q % 2 == 0 ? cutoff : cutoff.AddDays(1)) : starts.AddYears(3 + rng.Next(3)).AddDays(-1);
            var ends = !inPool && rng.Next(5) == 0 ? originalEnd.AddMonths(6 + rng.Next(7)) : originalEnd;
            var code = programme switch
            {
                Programme.NationalKeyRd => $"{starts.Year}YF{(char)('A' + p % 6)}{p:D7}",
                Programme.NationalSciTechMajor => $"{starts.Year}ZX{p:D8}",
                Programme.Program973 => $"{starts.Year}CB{p:D6}",
                Programme.Program863 => $"{starts.Year}AA{p:D6}",
                _ => $"{starts.Year}BAK{p:D6}",
            };
            var used = new HashSet<int>();
            for (var r = 0; r < 4; r++)
            {
                int who;
                if (inPool) who = d1 + q * 4 + r;
                else do who = rng.Next(d1); while (!used.Add(who));
                var role = inPool ? OngoingRole.KeyMember : r switch { 0 => OngoingRole.ProjectLeader, 1 => OngoingRole.TaskLeader, _ => OngoingRole.KeyMember };
                var person = people[who];
                ongoingRows.Add(new OngoingProject
                {
                    Programme = programme, ProjectCode = code, ProjectTitle = $"{Topics[p % Topics.Length]}关键技术研究（基准{p}）",
                    DocumentType = person.Type, DocumentNumber = person.Number, PersonName = person.Name, Role = role,
                    StartsOn = starts, OriginalEndsOn = originalEnd, EndsOn = ends,
                    LeftTeamOn = !inPool && role == OngoingRole.KeyMember && rng.Next(30) == 0 ? starts.AddYears(1) : null,
                });
            }
        }
        t.Restart();
        await CopyOngoingAsync(conn, ongoingRows, ct);
        steps.Add(("ongoing_projects", t.Elapsed, ongoingRows.Count));

        // ---- the seeded applications: submitted, not withdrawn, spread over the directions;
        // PI k*5 of the seeded pool (each PI once), 3 or 4 key members drawn at random, the foreign
        // lead F0+k, a foreign member for one in three. One in 50 from the demo lead unit.
        var apps = new List<App>(o.Applications);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var window = now - call.Opens;
        for (var k = 0; k < o.Applications; k++)
        {
            var leadUnit = k % 50 == 0 ? lead : domestic[rng.Next(domestic.Count)];
            var members = new List<M>();
            var team = new HashSet<int> { (k * 5) % d1 };
            for (var m = 0; m < 3 + rng.Next(2); m++)
            {
                int who;
                do who = rng.Next(d1); while (!team.Add(who));
                members.Add(new M(people[who].Id, MemberRole.KeyMember, members.Count));
            }
            members.Add(new M(people[f0 + k % (f1 - f0)].Id, MemberRole.ForeignLead, members.Count));
            if (k % 3 == 0) members.Add(new M(people[f0 + rng.Next(f1 - f0)].Id, MemberRole.ForeignMember, members.Count));
            var units = k % 3 == 1 ? new[] { foreign[rng.Next(foreign.Count)].Id, domestic[rng.Next(domestic.Count)].Id } : [foreign[rng.Next(foreign.Count)].Id];
            string number;
            do number = SubmissionNumber.New(call.Code, rng.Next); while (!numbers.Add(number));
            var submittedAt = call.Opens + TimeSpan.FromTicks((long)(window.Ticks * rng.NextDouble()));
            submittedAt = submittedAt.AddTicks(-(submittedAt.Ticks % 10));
            var dir = k % directions.Count;
            apps.Add(new App(Guid.CreateVersion7(), directions[dir].Id, dir, $"{Topics[k % Topics.Length]}国际合作研究（{k + 1}）", leadUnit.Id, people[(k * 5) % d1].Id,
                [.. members], units, number, submittedAt, true, leadUnit.Kind == UnitKind.Enterprise));
        }

        // ---- the drafts of the 64 clients: complete, ready to submit, from the demo lead unit
        // (the API client's unit). PI from [D2, D3), 3 key members from [D1, D2) (one of them, for
        // every other draft, counts one ongoing project), foreign lead and member from [F1, N).
        // Deliberate races between client 2c and 2c+1 in the same round: same PI (round % 10 == 4),
        // same key member who already counts one ongoing project (== 8), same title (== 6).
        var drafts = new PreparedDraft[o.Clients][];
        var draftApps = new List<App>();
        int nextPi = d2, nextForeign = f1;
        var counted = Enumerable.Range(0, poolProjects).Where(q => q % 2 == 1).SelectMany(q => Enumerable.Range(d1 + q * 4, 4)).ToList();
        var countedSet = counted.ToHashSet();
        var uncounted = Enumerable.Range(d1, d2 - d1).Where(i => !countedSet.Contains(i)).ToList();
        int nextCounted = 0, nextUncounted = 0;
        var rounds = o.DraftRounds;
        var plan = new App[o.Clients, rounds];
        for (var c = 0; c < o.Clients; c++) drafts[c] = new PreparedDraft[rounds];
        int Take(List<int> pool, ref int next) => next < pool.Count ? pool[next++] : throw new BenchException("not enough people for the drafts: raise --people or lower --rounds");
        var pair = 0;
        for (var j = 0; j < rounds; j++)
        {
            for (var c = 0; c < o.Clients; c++)
            {
                var twin = c % 2 == 1 && j >= o.Warmup ? plan[c - 1, j] : null;
                var kind = twin is null ? 0 : (j % 10) switch { 4 => 1, 6 => 2, 8 => 3, _ => 0 };
                if (nextPi >= d3) throw new BenchException("not enough people for the drafts' PIs: raise --people or lower --rounds");
                var pi = kind == 1 ? twin!.Pi : people[nextPi++].Id;
                M[] members;
                var idx = c * rounds + j;
                // The first key member of every other draft counts one ongoing project (1 + 1 = the
                // limit); so does the one a KEY-MEMBER-LIMIT race shares with its twin.
                var wantCounted = idx % 2 == 0 || (c % 2 == 0 && j >= o.Warmup && j % 10 == 8);
                var m0 = kind == 3 ? twin!.Members[0].PersonId
                    : people[wantCounted ? Take(counted, ref nextCounted) : Take(uncounted, ref nextUncounted)].Id;
                if (nextForeign + 2 > n) throw new BenchException("not enough foreign people for the drafts: raise --people or lower --rounds");
                members =
                [
                    new M(m0, MemberRole.KeyMember, 0),
                    new M(people[Take(uncounted, ref nextUncounted)].Id, MemberRole.KeyMember, 1),
                    new M(people[Take(uncounted, ref nextUncounted)].Id, MemberRole.KeyMember, 2),
                    new M(people[nextForeign++].Id, MemberRole.ForeignLead, 3),
                    new M(people[nextForeign++].Id, MemberRole.ForeignMember, 4),
                ];
                var title = kind == 2 ? twin!.Title : $"{Topics[idx % Topics.Length]}联合攻关（冲刺{c + 1}-{j + 1}）";
                var dir = idx % directions.Count;
                var app = new App(Guid.CreateVersion7(), directions[dir].Id, dir, title, lead.Id, pi, members, [foreign[idx % foreign.Count].Id],
                    null, null, false, false);
                plan[c, j] = app;
                draftApps.Add(app);
                string? expected = kind switch { 1 => "PI-ONE-APPLICATION", 2 => "UNIT-ONE-RECOMMENDER", 3 => "KEY-MEMBER-LIMIT", _ => null };
                if (expected is not null)
                {
                    pair++;
                    drafts[c - 1][j] = drafts[c - 1][j] with { ExpectedRule = expected, Pair = pair };
                }
                drafts[c][j] = new PreparedDraft(app.Id, expected, expected is null ? 0 : pair);
            }
        }

        // ---- write the applications and their parts.
        var peopleById = people.ToDictionary(p => p.Id);
        var unitsById = demoUnits.Concat(domestic).Concat(foreign).ToDictionary(u => u.Id);
        var all = apps.Concat(draftApps).ToList();
        var indicatorAnswers = new List<(Guid App, int Index, string Answer)>();
        var attachments = new List<(Guid Id, Guid App, AttachmentKind Kind, string Sha, long Size, DateOnly? Signed, DateTimeOffset At)>();
        foreach (var a in all)
        {
            var count = directions[a.DirectionIndex].Indicators.Length;
            for (var i = 0; i < count; i++) indicatorAnswers.Add((a.Id, i, $"第{i + 1}项指标的实现方案：按期完成样机研制并通过第三方测试（{a.Title}）。"));
            var at = (a.SubmittedAt ?? now).AddDays(-2);
            foreach (var (kind, _) in AttachmentKinds.Required)
            {
                attachments.Add((Guid.CreateVersion7(), a.Id, kind, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), 150_000 + rng.Next(400_000),
                    kind == AttachmentKind.JointAgreement ? DateOnly.FromDateTime(at.UtcDateTime).AddDays(-10) : null, at));
            }
        }
        var sections = Enumerable.Range(0, 15).Select(s => Narrative.Text(700, s)).ToArray();
        var attachmentsByApp = attachments.ToLookup(x => x.App);
        var answersByApp = indicatorAnswers.ToLookup(x => x.App);

        SnapshotUnit SUnit(Guid id)
        {
            var u = unitsById[id];
            var identifier = u.Country is not null ? $"{u.Country} {u.ForeignNo}".Trim() : u.Code ?? "";
            return new SnapshotUnit(u.Id, u.Name, u.NameEn, identifier, u.Country is not null);
        }
        SnapshotPerson SPerson(Guid id)
        {
            var x = peopleById[id];
            return new SnapshotPerson(x.Id, x.Name, x.NameEn, x.Type.ToString(), x.Number, unitsById.TryGetValue(x.UnitId, out var u) ? u.Name : null);
        }

        t.Restart();
        await CopyAsync(conn, "pre_proposals",
            ["Id", "CallId", "DirectionId", "Title", "TitleKey", "LeadUnitId", "PiPersonId", "OwnerUserId", "DurationMonths", "RequestedBudget", "Objectives", "Innovation", "TechnicalRoute", "ResearchBasis",
                "PiMonthsPerYear", "MatchingFundsPercent", "State", "CreatedAt", "UpdatedAt", "RecommendingUnitId", "SubmissionNumber", "SubmittedAt", "ContentHash", "UnitIntegrityConfirmed", "SubmittedContent"],
            all, (w, a) =>
            {
                var s = a.Id.GetHashCode() & 0xffff;
                string o1 = sections[s % 15], o2 = sections[(s + 3) % 15], o3 = sections[(s + 7) % 15], o4 = sections[(s + 11) % 15];
                var budget = 300m + (s % 50) * 10m;
                var months = 6 + s % 5;
                decimal? matching = a.Enterprise ? 30m : null;
                var created = call.Opens.AddDays(-3);
                w.Write(a.Id, NpgsqlDbType.Uuid); w.Write(callId, NpgsqlDbType.Uuid); w.Write(a.Direction, NpgsqlDbType.Uuid); w.Write(a.Title, NpgsqlDbType.Varchar);
                w.Write(UnitOneRecommender.NormalizeTitle(a.Title), NpgsqlDbType.Varchar); // as AppDbContext keeps it
                w.Write(a.Lead, NpgsqlDbType.Uuid); w.Write(a.Pi, NpgsqlDbType.Uuid); w.Write(piUser, NpgsqlDbType.Uuid); w.Write(36, NpgsqlDbType.Integer);
                w.Write(budget, NpgsqlDbType.Numeric); w.Write(o1, NpgsqlDbType.Text); w.Write(o2, NpgsqlDbType.Text); w.Write(o3, NpgsqlDbType.Text); w.Write(o4, NpgsqlDbType.Text);
                w.Write(months, NpgsqlDbType.Integer);
                if (matching is { } mp) w.Write(mp, NpgsqlDbType.Numeric); else w.WriteNull();
                w.Write((a.Submitted ? ApplicationState.Submitted : ApplicationState.Complete).ToString(), NpgsqlDbType.Varchar);
                w.Write(created, NpgsqlDbType.TimestampTz);
                w.Write(a.SubmittedAt ?? created.AddDays(1), NpgsqlDbType.TimestampTz);
                if (!a.Submitted)
                {
                    w.WriteNull(); w.WriteNull(); w.WriteNull(); w.WriteNull(); w.Write(false, NpgsqlDbType.Boolean); w.WriteNull();
                    return;
                }
                var direction = directions[a.DirectionIndex];
                var snapshot = new SubmittedSnapshot(a.Number!, a.SubmittedAt!.Value, call.Code, call.Title, direction.Number, direction.Title, a.Title,
                    SUnit(a.Lead), SPerson(a.Pi), months, [.. a.Units.Select(SUnit)],
                    [.. a.Members.Select(m => new SnapshotMember(m.Role.ToString(), SPerson(m.PersonId)))],
                    36, budget, matching, o1,
                    [.. answersByApp[a.Id].Select(x => new SnapshotIndicator(x.Index + 1, direction.Indicators[x.Index], x.Answer))],
                    o2, o3, o4, NarrativeLength.Count([o1, o2, o3, o4, .. answersByApp[a.Id].Select(x => x.Answer)]),
                    [.. attachmentsByApp[a.Id].Select(x => new SnapshotAttachment(x.Kind.ToString(), x.Kind + ".pdf", x.Size, x.Sha, x.Signed))],
                    SUnit(association.Id), "京华大学科研院");
                var json = snapshot.ToCanonicalJson();
                w.Write(association.Id, NpgsqlDbType.Uuid); w.Write(a.Number!, NpgsqlDbType.Varchar); w.Write(a.SubmittedAt!.Value, NpgsqlDbType.TimestampTz);
                w.Write(SubmittedSnapshot.Sha256Hex(json), NpgsqlDbType.Varchar); w.Write(true, NpgsqlDbType.Boolean); w.Write(json, NpgsqlDbType.Text);
            }, ct);
        steps.Add(("pre_proposals (with snapshots)", t.Elapsed, all.Count));

        t.Restart();
        var memberRows = all.SelectMany(a => a.Members.Select(m => (App: a.Id, m))).ToList();
        await CopyAsync(conn, "pre_proposal_members", ["Id", "PersonId", "Role", "UnitId", "SortOrder", "ProposalId"], memberRows, (w, x) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid); w.Write(x.m.PersonId, NpgsqlDbType.Uuid); w.Write(x.m.Role.ToString(), NpgsqlDbType.Varchar);
            w.Write(peopleById[x.m.PersonId].UnitId, NpgsqlDbType.Uuid); w.Write(x.m.Sort, NpgsqlDbType.Integer); w.Write(x.App, NpgsqlDbType.Uuid);
        }, ct);
        var unitRows = all.SelectMany(a => a.Units.Select((u, i) => (App: a.Id, Unit: u, Sort: i))).ToList();
        await CopyAsync(conn, "pre_proposal_units", ["Id", "UnitId", "SortOrder", "ProposalId"], unitRows, (w, x) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid); w.Write(x.Unit, NpgsqlDbType.Uuid); w.Write(x.Sort, NpgsqlDbType.Integer); w.Write(x.App, NpgsqlDbType.Uuid);
        }, ct);
        await CopyAsync(conn, "pre_proposal_indicator_answers", ["Id", "IndicatorIndex", "Answer", "ProposalId"], indicatorAnswers, (w, x) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid); w.Write(x.Index, NpgsqlDbType.Integer); w.Write(x.Answer, NpgsqlDbType.Text); w.Write(x.App, NpgsqlDbType.Uuid);
        }, ct);
        await CopyAsync(conn, "attachments", ["Id", "ProposalId", "Kind", "FileName", "BlobName", "Sha256", "SizeBytes", "SignedOn", "UploadedAt", "UploadedByUserId", "SupersededAt"],
            attachments, (w, x) =>
            {
                w.Write(x.Id, NpgsqlDbType.Uuid); w.Write(x.App, NpgsqlDbType.Uuid); w.Write(x.Kind.ToString(), NpgsqlDbType.Varchar); w.Write(x.Kind + ".pdf", NpgsqlDbType.Varchar);
                w.Write(AttachmentView.BlobName(new ProposalId(x.App), new AttachmentId(x.Id)), NpgsqlDbType.Varchar); w.Write(x.Sha, NpgsqlDbType.Varchar);
                w.Write(x.Size, NpgsqlDbType.Bigint);
                if (x.Signed is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
                w.Write(x.At, NpgsqlDbType.TimestampTz); w.Write(piUser, NpgsqlDbType.Uuid); w.WriteNull();
            }, ct);
        // Draft -> Complete by the PI; Complete -> Submitted by the lead unit's administrator.
        var transitions = all.SelectMany(a => a.Submitted
            ? new[] { (a.Id, ApplicationState.Draft, ApplicationState.Complete, a.SubmittedAt!.Value.AddHours(-1), piUser, "张伟", "Transition.MarkedComplete"),
                      (a.Id, ApplicationState.Complete, ApplicationState.Submitted, a.SubmittedAt!.Value, leadUser, "京华大学科研院", "Transition.Submitted") }
            : [(a.Id, ApplicationState.Draft, ApplicationState.Complete, now.AddHours(-1), piUser, "张伟", "Transition.MarkedComplete")]).ToList();
        await CopyAsync(conn, "application_transitions", ["Id", "ProposalId", "From", "To", "At", "ByUserId", "ByName", "Reason"], transitions, (w, x) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid); w.Write(x.Item1, NpgsqlDbType.Uuid); w.Write(x.Item2.ToString(), NpgsqlDbType.Varchar);
            w.Write(x.Item3.ToString(), NpgsqlDbType.Varchar); w.Write(x.Item4, NpgsqlDbType.TimestampTz); w.Write(x.Item5, NpgsqlDbType.Uuid);
            w.Write(x.Item6, NpgsqlDbType.Varchar); w.Write(x.Item7, NpgsqlDbType.Varchar);
        }, ct);
        steps.Add(("members, units, answers, attachments, transitions", t.Elapsed, memberRows.Count + unitRows.Count + indicatorAnswers.Count + attachments.Count + transitions.Count));

        // Fresh statistics and visibility maps, as a database that has lived a while would have.
        t.Restart();
        await using (var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) units, people, ongoing_projects, pre_proposals, pre_proposal_members, pre_proposal_units, pre_proposal_indicator_answers, attachments, application_transitions", conn))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        steps.Add(("VACUUM (ANALYZE)", t.Elapsed, 0));

        return new SeedResult(callId, lead.Id, beijing.Id, exchange.Id, drafts, n, ongoingRows.Count, apps.Count, domestic.Count + foreign.Count, watch.Elapsed, steps);
    }

    public static (int D1, int D2, int D3, int F0, int F1) Pools(int n) => (n / 2, n / 2 + n / 10, n / 2 + n / 10 + n / 5, n / 2 + n / 10 + n / 5, n / 2 + n / 10 + n / 5 + n / 10);

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value, NpgsqlDbType.Varchar);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection conn, string table, string[] columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var w = await conn.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            w.StartRow();
            write(w, row);
        }
        await w.CompleteAsync(ct);
    }

    private static Task CopyOngoingAsync(NpgsqlConnection conn, List<OngoingProject> rows, CancellationToken ct) =>
        CopyAsync(conn, "ongoing_projects", ["Id", "Programme", "ProjectCode", "ProjectTitle", "DocumentType", "DocumentNumber", "PersonName", "Role", "StartsOn", "OriginalEndsOn", "EndsOn", "LeftTeamOn"],
            rows, (w, p) =>
            {
                w.Write(p.Id.Value, NpgsqlDbType.Uuid); w.Write(p.Programme.ToString(), NpgsqlDbType.Varchar); w.Write(p.ProjectCode, NpgsqlDbType.Varchar);
                Text(w, p.ProjectTitle); w.Write(p.DocumentType.ToString(), NpgsqlDbType.Varchar); w.Write(p.DocumentNumber, NpgsqlDbType.Varchar);
                w.Write(p.PersonName, NpgsqlDbType.Varchar); w.Write(p.Role.ToString(), NpgsqlDbType.Varchar);
                w.Write(p.StartsOn, NpgsqlDbType.Date); w.Write(p.OriginalEndsOn, NpgsqlDbType.Date); w.Write(p.EndsOn, NpgsqlDbType.Date);
                if (p.LeftTeamOn is { } left) w.Write(left, NpgsqlDbType.Date); else w.WriteNull();
            }, ct);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(ct) is T value ? value : throw new BenchException($"no result for: {sql} (did 'migrate' seed the demo data?)");
    }

    private static async Task<T> ReadAsync<T>(NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        (await ReadAllAsync(conn, sql, map, ct)).Single();

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(map(r));
        return list;
    }
}
