using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recheck;

// The batch re-check builds every application's EligibilityInput set-based (EligibilityBatch); it
// must give exactly the findings of the per-application loader (EligibilityInputLoader) that
// submission and the single check use. A varied call: counting-rule collisions, ongoing projects on
// both sides of ONGOING-CUTOFF, registry rows in other spellings of a document, a foreign lead with
// a claimed exception, a sanction on a second registry row, a guide expert, missing documents,
// withdrawn and draft applications that must not count, members whose sort orders tie.
public sealed class EligibilityBatchTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly DateOnly Cutoff = new(2019, 6, 30);

    [Fact]
    public async Task Batch_OnAVariedCall_GivesExactlyTheFindingsOfThePerApplicationLoader()
    {
        var (callId, inCall, notInCall) = await SeedAsync();

        var (batchIds, batch) = await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
            var loaded = await EligibilityBatch.LoadAsync(db, call, CancellationToken.None);
            var result = new Dictionary<ProposalId, (PreProposal, IReadOnlyList<Finding>)>();
            foreach (var chunk in loaded.Proposals.Chunk(3))
            {
                foreach (var (p, attachments) in await EligibilityBatch.ProposalsAsync(db, chunk, CancellationToken.None))
                    result[p.Id] = (p, RuleSet.Run(loaded.Build(p, attachments, BeijingTime.Today(p.SubmittedAt!.Value), p.RecommendingUnitId)));
            }
            return (loaded.Proposals, result);
        });

        Assert.Equal(inCall.Select(x => x.Value).Order(), batchIds.Select(x => x.Value).Order());
        Assert.DoesNotContain(notInCall, batch.Keys.Contains);
        var fired = new HashSet<string>();
        foreach (var id in inCall)
        {
            var (expectedProposal, expected) = await app.WithDbAsync(async db =>
            {
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
                var p = await db.PreProposals.AsNoTracking().SingleAsync(x => x.Id == id);
                var input = await new EligibilityInputLoader(db).LoadAsync(p, call, BeijingTime.Today(p.SubmittedAt!.Value), p.RecommendingUnitId,
                    lockCounts: false, CancellationToken.None);
                return (p, RuleSet.Run(input));
            });
            var (proposal, findings) = batch[id];
            Assert.Equal(Canonical(expected), Canonical(findings));
            Assert.Equal(Comparable(expectedProposal), Comparable(proposal));
            fired.UnionWith(findings.Select(f => f.Code));
        }

        // The data exercised what it was built for.
        Assert.Subset(fired, new HashSet<string>
        {
            "PI-ONE-APPLICATION", "KEY-MEMBER-LIMIT", "UNIT-ONE-RECOMMENDER", "FOREIGN-LEAD-ONE-PARTNER", "FOREIGN-MEMBER-LIMIT",
            "UNIT-INTEGRITY-PERSON", "GUIDE-EXPERT-BAR", "PI-NO-ONGOING-LEAD", "KRD-LEADER-NO-PARTICIPATION", "LEFT-TEAM-BAR",
            "DIRECTION-INDICATORS", "DOC-IP-AGREEMENT", "FOREIGN-LEAD-LIMIT",
        });
        Assert.Contains(fired, c => c.StartsWith("FOREIGN-LEAD-AGE", StringComparison.Ordinal));
        Assert.Contains(fired, c => c.StartsWith("DOC-JOINT-AGREEMENT", StringComparison.Ordinal));
        // The key member with projects on both sides of the cut-off: only the one after counts.
        var limit = batch.Values.SelectMany(x => x.Item2).First(f => f.RuleId == "KEY-MEMBER-LIMIT" && f.SubjectName == "键成员");
        Assert.Equal(["BK-AFTER", "BK-LATE"], limit.Args["projects"].Split(", ").Order());
        Assert.Contains(batch[inCall[2]].Item2, f => f.RuleId == "KRD-LEADER-NO-PARTICIPATION" && f.SubjectName == "失信成员");
        Assert.DoesNotContain(batch[inCall[5]].Item2, f => f.RuleId is "KRD-LEADER-NO-PARTICIPATION" or "GUIDE-EXPERT-BAR");
        Assert.DoesNotContain(batch[inCall[6]].Item2, f => f.RuleId == "RECOMMENDER-SCOPE"); // a member of the association
        Assert.Contains(batch[inCall[7]].Item2, f => f.RuleId == "RECOMMENDER-SCOPE"); // not a member

        // The recommending unit's inbox loads only a page of applications (LoadForAsync), some of
        // them no longer counted (withdrawn, or a draft): the same findings again, for each of them.
        var day = BeijingTime.Today(app.Clock.GetUtcNow());
        foreach (var page in new[] { inCall.Where((_, i) => i % 2 == 1).ToList(), [.. notInCall, inCall[0]] })
        {
            var scoped = await app.WithDbAsync(async db =>
            {
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
                var proposals = await EligibilityBatch.ProposalsAsync(db, page, CancellationToken.None);
                var loaded = await EligibilityBatch.LoadForAsync(db, call, [.. proposals.Select(x => x.Proposal)], CancellationToken.None);
                Assert.Equal(page.Select(x => x.Value).Order(), loaded.Proposals.Select(x => x.Value).Order());
                return proposals.ToDictionary(x => x.Proposal.Id, x => RuleSet.Run(loaded.Build(x.Proposal, x.Attachments, x.Proposal.SubmittedAt is { } at ? BeijingTime.Today(at) : day, x.Proposal.RecommendingUnitId)));
            });
            foreach (var id in page)
            {
                var expected = await app.WithDbAsync(async db =>
                {
                    var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
                    var p = await db.PreProposals.AsNoTracking().SingleAsync(x => x.Id == id);
                    return RuleSet.Run(await new EligibilityInputLoader(db).LoadAsync(p, call, p.SubmittedAt is { } at ? BeijingTime.Today(at) : day,
                        p.RecommendingUnitId, lockCounts: false, CancellationToken.None));
                });
                Assert.Equal(Canonical(expected), Canonical(scoped[id]));
            }
        }
    }

    // Rule, severity, subject, field, code and every argument, in the order the rules gave them.
    private static List<string> Canonical(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.RuleId}|{f.Code}|{f.Severity}|{f.SubjectKind}|{f.SubjectId}|{f.SubjectName}|{f.Field}|"
            + string.Join(";", f.Args.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")))];

    // Everything the batch loads of the proposal: all but the narrative and the snapshot, which no rule reads.
    private static string Comparable(PreProposal p)
    {
        p.Objectives = p.Innovation = p.TechnicalRoute = p.ResearchBasis = "";
        p.SubmittedContent = null;
        return JsonSerializer.Serialize(p);
    }

    private async Task<(CallId Call, List<ProposalId> InCall, List<ProposalId> NotInCall)> SeedAsync() => await app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var call = await db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == SeedCalls.CodeDemo);
        var direction = call.Directions.OrderBy(d => d.SortOrder).First();
        var units = await db.Units.ToListAsync();
        Unit U(string code) => units.Single(u => u.SocialCreditCode == code);
        var uniA = U(SeedRegistry.UniversityCode);
        var uniB = U(SeedRegistry.SecondUniversityCode);
        var institute = U(SeedRegistry.InstituteCode);
        var province = U(SeedRegistry.ProvinceCode);
        var association = U(SeedRegistry.AssociationCode); // its seeded member list holds uniA and the institute, not uniB
        var foreign = units.Single(u => u.ForeignRegistrationNumber == "VR-4711");
        var owner = await db.Users.SingleAsync(u => u.Email == DemoUsers.Applicant);

        var serial = 0;
        Person Person(string name, UnitId? unit, DateOnly? born = null, IdentityDocumentType type = IdentityDocumentType.ResidentIdCard, string? number = null)
        {
            serial++;
            var p = new Person
            {
                DocumentType = type, DocumentNumber = number ?? SeedRegistry.Rid($"4401061980{serial:D2}01{serial:D3}"), Name = name,
                BirthDate = born ?? new DateOnly(1980, 1, 1), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate,
                Nationality = type == IdentityDocumentType.Passport ? "DE" : "CN", UnitId = unit,
            };
            db.People.Add(p);
            return p;
        }
        OngoingProject Ongoing(Person p, string code, OngoingRole role, DateOnly ends, string? number = null, DateOnly? left = null, Programme programme = Programme.NationalKeyRd)
        {
            var o = new OngoingProject
            {
                Programme = programme, ProjectCode = code, DocumentType = p.DocumentType, DocumentNumber = number ?? p.DocumentNumber, PersonName = p.Name,
                Role = role, StartsOn = new DateOnly(2016, 1, 1), OriginalEndsOn = ends, EndsOn = ends, LeftTeamOn = left,
            };
            db.OngoingProjects.Add(o);
            return o;
        }

        var pi1 = Person("负责人一", uniA.Id);
        var pi2 = Person("负责人二", uniB.Id);
        var pi3 = Person("负责人三", institute.Id);
        var m1 = Person("成员一", uniA.Id);
        var m2 = Person("成员二", uniB.Id);
        // A resident ID ending in X, stored with a lower-case x on the people row: the registry's
        // upper-case rows match its normalized number; a row stored in another spelling does not.
        var xNumber = Enumerable.Range(0, 1000).Select(i => SeedRegistry.Rid($"44010619790101{i:D3}")).First(n => n.EndsWith('X'));
        var keyMember = Person("键成员", uniA.Id, number: xNumber.ToLowerInvariant());
        Ongoing(keyMember, "BK-CUTOFF", OngoingRole.KeyMember, Cutoff, number: xNumber);
        Ongoing(keyMember, "BK-AFTER", OngoingRole.KeyMember, Cutoff.AddDays(1), number: xNumber);
        Ongoing(keyMember, "BK-LATE", OngoingRole.KeyMember, new DateOnly(2028, 12, 31), number: xNumber);
        Ongoing(keyMember, "BK-SPACED", OngoingRole.KeyMember, new DateOnly(2028, 12, 31), number: " " + xNumber);
        var leader = Person("在研负责人", uniB.Id);
        Ongoing(leader, "LEAD-KRD", OngoingRole.ProjectLeader, new DateOnly(2027, 6, 30));
        Ongoing(leader, "LEAD-OLD", OngoingRole.ProjectLeader, Cutoff, programme: Programme.Program863);
        var leftTeam = Person("离队成员", institute.Id);
        Ongoing(leftTeam, "LEFT-KRD", OngoingRole.KeyMember, new DateOnly(2027, 12, 31), left: new DateOnly(2024, 3, 1));
        // Sanctioned on a second registry row of the same document (upper case; the team's row has a lower-case x).
        var sNumber = Enumerable.Range(0, 1000).Select(i => SeedRegistry.Rid($"44010619770101{i:D3}")).First(n => n.EndsWith('X'));
        var sanctioned = Person("失信成员", uniB.Id, number: sNumber.ToLowerInvariant());
        var sanctionedTwin = Person("失信成员（重复）", null, number: sNumber);
        db.PersonSanctions.Add(new PersonSanction
        {
            PersonId = sanctionedTwin.Id, Kind = SanctionKind.ResearchMisconduct, StartsOn = new DateOnly(2025, 1, 1), Reference = "示例决定",
        });
        // Registry rows in the lower-case spelling match the lower-case team row only, not its upper-case twin.
        Ongoing(sanctioned, "S-LEAD", OngoingRole.ProjectLeader, new DateOnly(2027, 6, 30));
        db.GuideExperts.Add(new GuideExpert { CallId = call.Id, PersonId = sanctioned.Id, Role = GuideExpertRole.ConsultativeCommittee, AddedAt = now });
        var expert = Person("指南专家", institute.Id);
        db.GuideExperts.Add(new GuideExpert { CallId = call.Id, PersonId = expert.Id, Role = GuideExpertRole.GuideDrafting, AddedAt = now });
        var oldLead = Person("Old LEAD", foreign.Id, new DateOnly(1950, 2, 2), IdentityDocumentType.Passport, "DE1000001");
        Ongoing(oldLead, "FL-KRD", OngoingRole.TaskLeader, new DateOnly(2027, 1, 1));
        var lead2 = Person("Second LEAD", foreign.Id, new DateOnly(1965, 1, 1), IdentityDocumentType.Passport, "DE1000002");
        var lead3 = Person("Third LEAD", foreign.Id, new DateOnly(1966, 1, 1), IdentityDocumentType.Passport, "DE1000003");
        var foreignMember = Person("Foreign MEMBER", foreign.Id, new DateOnly(1970, 1, 1), IdentityDocumentType.Passport, "de1000004");
        Ongoing(foreignMember, "FM-KRD", OngoingRole.KeyMember, new DateOnly(2026, 12, 31), number: "DE1000004");

        var order = 0;
        PreProposal Proposal(Unit lead, Person pi, string title, ApplicationState state, params (Person Person, MemberRole Role, int Sort)[] members)
        {
            var p = new PreProposal
            {
                CallId = call.Id, DirectionId = direction.Id, LeadUnitId = lead.Id, OwnerUserId = owner.Id, Title = title, PiPersonId = pi.Id,
                PiMonthsPerYear = 8, DurationMonths = 36, RequestedBudget = 300m, Objectives = "目标", Innovation = "创新", TechnicalRoute = "路线", ResearchBasis = "基础",
                State = state, CreatedAt = now, UpdatedAt = now,
                RecommendingUnitId = state == ApplicationState.Draft ? null : province.Id,
                SubmittedAt = state == ApplicationState.Draft ? null : now.AddMinutes(++order),
                SubmissionNumber = state == ApplicationState.Draft ? null : $"DEMO-T{order:D4}",
                SubmittedContent = "{}", UnitIntegrityConfirmed = true,
            };
            foreach (var (person, role, sort) in members)
                p.Members.Add(new TeamMember { PersonId = person.Id, Role = role, UnitId = person.UnitId, SortOrder = sort });
            p.Units.Add(new ParticipatingUnit { UnitId = foreign.Id, SortOrder = 1 });
            for (var i = 0; i < direction.Indicators.Count; i++)
                p.IndicatorAnswers.Add(new IndicatorAnswer { IndicatorIndex = i, Answer = $"指标 {i + 1}" });
            db.PreProposals.Add(p);
            return p;
        }
        void Attach(PreProposal p, params AttachmentKind[] missing)
        {
            foreach (var (kind, _) in AttachmentKinds.Required.Where(k => !missing.Contains(k.Kind)))
            {
                db.Attachments.Add(new Attachment
                {
                    ProposalId = p.Id, Kind = kind, FileName = kind + ".pdf", BlobName = $"t/{p.Id}/{kind}.pdf", Sha256 = new string('0', 64), SizeBytes = 1,
                    SignedOn = kind == AttachmentKind.JointAgreement ? new DateOnly(2026, 11, 1) : null, UploadedAt = now,
                });
            }
        }

        var a1 = Proposal(uniA, pi1, "联合研究甲", ApplicationState.Submitted,
            (keyMember, MemberRole.KeyMember, 1), (oldLead, MemberRole.ForeignLead, 2), (foreignMember, MemberRole.ForeignMember, 3));
        a1.ForeignLeadException = ForeignLeadException.PartnerAcademician;
        a1.ForeignLeadStatement = "德国国家科学院院士。";
        var a2 = Proposal(uniA, pi1, " 联合研究 甲 ", ApplicationState.Endorsed,
            (keyMember, MemberRole.KeyMember, 1), (m1, MemberRole.KeyMember, 2), (lead2, MemberRole.ForeignLead, 3));
        var a3 = Proposal(uniB, pi2, "联合研究乙", ApplicationState.Accepted,
            (keyMember, MemberRole.KeyMember, 1), (oldLead, MemberRole.ForeignLead, 2), (sanctioned, MemberRole.KeyMember, 3), (foreignMember, MemberRole.ForeignMember, 4));
        var a4 = Proposal(institute, expert, "联合研究丙", ApplicationState.Submitted,
            (m2, MemberRole.KeyMember, 1), (leftTeam, MemberRole.KeyMember, 2), (lead2, MemberRole.ForeignLead, 3));
        // Two foreign leads with the same sort order: which one is "the" foreign lead follows the stored order.
        var a5 = Proposal(institute, leader, "联合研究丁", ApplicationState.Submitted,
            (m2, MemberRole.KeyMember, 1), (lead3, MemberRole.ForeignLead, 2), (lead2, MemberRole.ForeignLead, 2), (foreignMember, MemberRole.ForeignMember, 3));
        a5.IndicatorAnswers.RemoveAt(0);
        var a6 = Proposal(uniB, pi3, "联合研究戊", ApplicationState.Submitted, (m1, MemberRole.KeyMember, 1), (sanctionedTwin, MemberRole.KeyMember, 2));
        a6.Units.Clear();
        // RECOMMENDER-SCOPE through the association's member list: uniA is a member, uniB is not.
        var a7 = Proposal(uniA, pi3, "联合研究己", ApplicationState.Submitted, (m1, MemberRole.KeyMember, 1));
        a7.RecommendingUnitId = association.Id;
        var a8 = Proposal(uniB, m2, "联合研究庚", ApplicationState.Submitted, (m1, MemberRole.KeyMember, 1));
        a8.RecommendingUnitId = association.Id;
        var withdrawn = Proposal(uniA, pi2, "联合研究乙", ApplicationState.Withdrawn, (keyMember, MemberRole.KeyMember, 1), (foreignMember, MemberRole.ForeignMember, 2));
        var draft = Proposal(uniB, pi2, "联合研究乙", ApplicationState.Draft, (keyMember, MemberRole.KeyMember, 1), (oldLead, MemberRole.ForeignLead, 2));
        await db.SaveChangesAsync();

        Attach(a1);
        Attach(a2, AttachmentKind.IpAgreement);
        Attach(a3);
        Attach(a4, AttachmentKind.CooperationProof);
        Attach(a5);
        Attach(a6, AttachmentKind.JointAgreement);
        Attach(a7);
        Attach(a8);
        Attach(withdrawn);
        Attach(draft);
        await db.SaveChangesAsync();
        // A superseded signed agreement and a current unsigned one.
        await db.Attachments.Where(a => a.ProposalId == a5.Id && a.Kind == AttachmentKind.JointAgreement).ExecuteUpdateAsync(s => s.SetProperty(a => a.SupersededAt, now));
        db.Attachments.Add(new Attachment
        {
            ProposalId = a5.Id, Kind = AttachmentKind.JointAgreement, FileName = "j.pdf", BlobName = $"t/{a5.Id}/j2.pdf", Sha256 = new string('0', 64), SizeBytes = 1, UploadedAt = now,
        });
        await db.SaveChangesAsync();
        return (call.Id, new List<ProposalId> { a1.Id, a2.Id, a3.Id, a4.Id, a5.Id, a6.Id, a7.Id, a8.Id }, new List<ProposalId> { withdrawn.Id, draft.Id });
    });
}
