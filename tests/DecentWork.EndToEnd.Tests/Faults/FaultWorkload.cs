using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// The writes the suite drives through the gateway, chosen so that every consumer of every service
/// sees events: funding approvals (→ programming), draft programmes (→ coordination, training,
/// partnerships), a course linked to each (→ training's recount → programming's people trained),
/// partners (→ training), approved joint programmes (→ partnerships). Each write is retried with
/// the same content (and request id where the RPC takes one) until acknowledged, for at most
/// <paramref name="patience"/> (longer than the longest outage: a step that waits for another
/// service to hear of something waits out a whole outage).
/// </summary>
public sealed class FaultWorkload(ProcessPlatform platform, FaultLedger ledger, TimeSpan patience)
{
    public const string Country = "SEN";
    public const int TrainedPerProgramme = 3;
    private static readonly string[] ApprovalCountries = ["SEN", "GHA", "KEN", "ZMB"];

    private ProgrammingV1.ProgrammingService.ProgrammingServiceClient Programming => new(platform.GatewayFor(TestCaller.Loader));
    private PartnershipsV1.PartnershipsService.PartnershipsServiceClient Partnerships => new(platform.GatewayFor(TestCaller.Loader));
    private CoordinationV1.CoordinationService.CoordinationServiceClient Coordination => new(platform.GatewayFor(TestCaller.Loader));
    private TrainingV1.TrainingService.TrainingServiceClient Training => new(platform.GatewayFor(TestCaller.Loader));

    public IReadOnlyList<string> ApprovalTargets { get; private set; } = [];
    public string PartnerId { get; private set; } = "";
    public string CourseId { get; private set; } = "";

    /// <summary>Before any fault: approved programmes to fund, a donor, a course with people trained from <see cref="Country"/>.</summary>
    public async Task SetUpAsync()
    {
        var targets = new List<string>();
        foreach (var country in ApprovalCountries)
            targets.Add((await ProgrammeSteps.ApproveAsync(platform.GatewayFor, Programming, country, 1_000_000m)).Id);
        ApprovalTargets = targets;
        PartnerId = (await Partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = "Fault suite donor", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "NOR",
        })).Id;
        ledger.Partners.Add(PartnerId);
        CourseId = (await Training.PublishCourseAsync(new TrainingV1.PublishCourseRequest
        {
            Code = "FAULTS-1", Title = "Labour inspection under faults", Themes = { TrainingV1.CourseTheme.Employment },
            TargetGroups = { TrainingV1.ConstituentGroup.Workers }, DeliveryModes = { TrainingV1.DeliveryMode.Field }, Languages = { "en" }, DurationDays = 2,
        })).Id;
        // Open for applications until its one day, tomorrow, and so held already (a day's grace for time zones).
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var edition = await Training.ScheduleEditionAsync(new TrainingV1.ScheduleEditionRequest
        {
            CourseId = CourseId, StartDate = ProtoConvert.ToDate(start), EndDate = ProtoConvert.ToDate(start), Venue = "Dakar",
            DeliveryMode = TrainingV1.DeliveryMode.Field, Capacity = 10, Fee = ProtoConvert.ToMoney(0m), ApplicationDeadline = ProtoConvert.ToDate(start),
        });
        await EditionStatusAsync(edition, TrainingV1.EditionStatus.Open);
        for (var i = 0; i < TrainedPerProgramme; i++)
            edition = await Training.ApplyForEditionAsync(new TrainingV1.ApplyForEditionRequest
            {
                CourseId = CourseId, EditionId = edition.Id, ParticipantName = $"Participant {i}", Sex = TrainingV1.Sex.Female,
                CountryCode = Country, ConstituentGroup = TrainingV1.ConstituentGroup.Workers, Organisation = "Union",
            });
        foreach (var enrolment in edition.Enrolments) await EnrolmentStatusAsync(edition, enrolment.Id, TrainingV1.EnrolmentStatus.Accepted);
        await EditionStatusAsync(edition, TrainingV1.EditionStatus.Closed);
        await EditionStatusAsync(edition, TrainingV1.EditionStatus.Held);
        foreach (var status in new[] { TrainingV1.EnrolmentStatus.Attended, TrainingV1.EnrolmentStatus.Certified })
            foreach (var enrolment in edition.Enrolments) await EnrolmentStatusAsync(edition, enrolment.Id, status);
    }

    private Task EditionStatusAsync(TrainingV1.Edition edition, TrainingV1.EditionStatus status) =>
        Training.SetEditionStatusAsync(new TrainingV1.SetEditionStatusRequest { CourseId = edition.CourseId, EditionId = edition.Id, Status = status }).ResponseAsync;

    private Task EnrolmentStatusAsync(TrainingV1.Edition edition, string enrolment, TrainingV1.EnrolmentStatus status) =>
        Training.SetEnrolmentStatusAsync(new TrainingV1.SetEnrolmentStatusRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, EnrolmentId = enrolment, Status = status,
        }).ResponseAsync;

    /// <summary>
    /// Write number <paramref name="i"/> of the stream: mostly funding approvals, the rest spread over
    /// the other events. With <paramref name="approvalsOnly"/> (the broker is down) every write is an
    /// approval: the other cases wait for another service to hear of a programme or a joint programme,
    /// which cannot happen until the broker is back, and a waiting writer writes nothing.
    /// </summary>
    public async Task WriteAsync(long i, string run, bool approvalsOnly = false)
    {
        switch (approvalsOnly ? 0 : i % 500)
        {
            case 100 or 300:
                var draft = await Acknowledged(() => Programming.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
                {
                    CountryCode = Country, Title = $"Draft DWCP {i}", RequestId = $"{run}:programme:{i}",
                    PeriodStart = ProtoConvert.ToDate(new DateOnly(2012, 1, 1)), PeriodEnd = ProtoConvert.ToDate(new DateOnly(2015, 12, 31)),
                }).ResponseAsync);
                ledger.DraftProgrammes.Add(draft.Id);
                // Training must first hear of the programme (FAILED_PRECONDITION until then): retried like a fault.
                await Acknowledged(() => Training.LinkCourseToProgrammeAsync(new TrainingV1.LinkCourseToProgrammeRequest
                {
                    CourseId = CourseId, ProgrammeId = draft.Id,
                }).ResponseAsync, StatusCode.FailedPrecondition);
                ledger.CourseLinkedProgrammes.Add(draft.Id);
                break;
            case 200 or 400:
                var partner = await Acknowledged(() => Partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
                {
                    Name = $"{run} partner {i}", Category = PartnershipsV1.PartnerCategory.Foundation, CountryCode = "CHE",
                }).ResponseAsync, existing: () => ExistingPartnerAsync($"{run} partner {i}"));
                ledger.Partners.Add(partner.Id);
                break;
            case 250:
                var joint = await Acknowledged(() => Coordination.RegisterJointProgrammeAsync(new CoordinationV1.RegisterJointProgrammeRequest
                {
                    Title = $"{run} joint programme {i}", Fund = "MDG Achievement Fund", CountryCodes = { Country }, LeadAgency = "ILO",
                    Agencies = { new CoordinationV1.ParticipatingAgency { Agency = "ILO", BudgetShare = ProtoConvert.ToMoney(250_000m) },
                        new CoordinationV1.ParticipatingAgency { Agency = "UNDP", BudgetShare = ProtoConvert.ToMoney(500_000m) } },
                }).ResponseAsync);
                await Acknowledged(() => Coordination.ApproveJointProgrammeAsync(new CoordinationV1.ApproveJointProgrammeRequest
                {
                    Id = joint.Id, ApprovedOn = ProtoConvert.ToDate(new DateOnly(2008, 6, 1)),
                }).ResponseAsync, StatusCode.FailedPrecondition);
                ledger.ApprovedJointProgrammes.Add(joint.Id);
                break;
            default:
                var programme = ApprovalTargets[(int)(i % ApprovalTargets.Count)];
                var amount = 1_000m + i % 7;
                await Acknowledged(() => Partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
                {
                    PartnerId = PartnerId, ProgrammeId = programme, Amount = ProtoConvert.ToMoney(amount), Year = 2008,
                    ApprovalDate = ProtoConvert.ToDate(new DateOnly(2008, 3, 3)), Source = PartnershipsV1.FundingSource.ExtraBudgetary,
                    Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked, MobilisedBy = PartnershipsV1.MobilisedBy.FieldOffice,
                    RequestId = $"{run}:approval:{i}",
                }).ResponseAsync);
                ledger.Approved(programme, amount);
                break;
        }
    }

    private async Task<PartnershipsV1.Partner?> ExistingPartnerAsync(string name)
    {
        for (var token = ""; ;)
        {
            var page = await Partnerships.ListPartnersAsync(new PartnershipsV1.ListPartnersRequest { PageSize = 200, PageToken = token });
            if (page.Partners.FirstOrDefault(p => p.Name == name) is { } found) return found;
            if ((token = page.NextPageToken).Length == 0) return null;
        }
    }

    /// <summary>
    /// Calls until the write is acknowledged. Unavailable, Internal, Unknown, DeadlineExceeded,
    /// Cancelled and Aborted are what a process or the broker going away looks like to a client;
    /// ALREADY_EXISTS on a retry means the first try was stored and its answer lost.
    /// </summary>
    private async Task<T> Acknowledged<T>(Func<Task<T>> call, StatusCode? alsoRetry = null, Func<Task<T?>>? existing = null) where T : class
    {
        var deadline = DateTime.UtcNow + patience;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (attempt > 0 && e.StatusCode == StatusCode.AlreadyExists && existing is not null)
            {
                if (await existing() is { } stored) return stored;
                throw;
            }
            catch (RpcException e) when (DateTime.UtcNow < deadline && (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal
                or StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.Aborted || e.StatusCode == alsoRetry))
            {
                Interlocked.Increment(ref ledger.ClientRetries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (attempt + 1))));
            }
        }
    }
}
