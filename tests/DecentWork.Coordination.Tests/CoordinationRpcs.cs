using DecentWork.Contracts.Coordination.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;

namespace DecentWork.Coordination.Tests;

/// <summary>Every RPC of the service with the policy it is meant to name (see <see cref="ServiceRpc{TClient}"/>).</summary>
public sealed class CoordinationRpcs : IServiceRpcs<CoordinationService.CoordinationServiceClient>
{
    private const string Read = AccessPolicies.CoordinationRead;
    private const string Write = AccessPolicies.CoordinationWrite;

    public static IReadOnlyList<ServiceRpc<CoordinationService.CoordinationServiceClient>> All { get; } =
    [
        // UNDAFs
        new(nameof(CoordinationService.CoordinationServiceClient.RegisterUndaf), Write, c => c.RegisterUndafAsync(new RegisterUndafRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetUndaf), Read, c => c.GetUndafAsync(new GetUndafRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListUndafs), Read, c => c.ListUndafsAsync(new ListUndafsRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListCountryCoverage), Read, c => c.ListCountryCoverageAsync(new ListCountryCoverageRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ChangeUndafStatus), Write, c => c.ChangeUndafStatusAsync(new ChangeUndafStatusRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.AddUndafOutcome), Write, c => c.AddUndafOutcomeAsync(new AddUndafOutcomeRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.LinkOutcomes), Write, c => c.LinkOutcomesAsync(new LinkOutcomesRequest()).ResponseAsync),
        // Reports
        new(nameof(CoordinationService.CoordinationServiceClient.ListCountryCoherence), Read, c => c.ListCountryCoherenceAsync(new ListCountryCoherenceRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListDecentWorkGaps), Read, c => c.ListDecentWorkGapsAsync(new ListDecentWorkGapsRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListCountryProgrammes), Read, c => c.ListCountryProgrammesAsync(new ListCountryProgrammesRequest()).ResponseAsync),
        // Presence
        new(nameof(CoordinationService.CoordinationServiceClient.SetCountryPresence), Write, c => c.SetCountryPresenceAsync(new SetCountryPresenceRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetCountryPresence), Read, c => c.GetCountryPresenceAsync(new GetCountryPresenceRequest()).ResponseAsync),
        // Joint programmes
        new(nameof(CoordinationService.CoordinationServiceClient.RegisterJointProgramme), Write, c => c.RegisterJointProgrammeAsync(new RegisterJointProgrammeRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetJointProgramme), Read, c => c.GetJointProgrammeAsync(new GetJointProgrammeRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListJointProgrammes), Read, c => c.ListJointProgrammesAsync(new ListJointProgrammesRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ApproveJointProgramme), Write, c => c.ApproveJointProgrammeAsync(new ApproveJointProgrammeRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ChangeJointProgrammeStatus), Write, c => c.ChangeJointProgrammeStatusAsync(new ChangeJointProgrammeStatusRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.SummariseJointProgrammes), Read, c => c.SummariseJointProgrammesAsync(new SummariseJointProgrammesRequest()).ResponseAsync),
        // Delivering as One
        new(nameof(CoordinationService.CoordinationServiceClient.RegisterDeliveringAsOnePilot), Write, c => c.RegisterDeliveringAsOnePilotAsync(new RegisterDeliveringAsOnePilotRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetDeliveringAsOnePilot), Read, c => c.GetDeliveringAsOnePilotAsync(new GetDeliveringAsOnePilotRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListDeliveringAsOnePilots), Read, c => c.ListDeliveringAsOnePilotsAsync(new ListDeliveringAsOnePilotsRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.SetWorkingGroup), Write, c => c.SetWorkingGroupAsync(new SetWorkingGroupRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.SummariseDeliveringAsOnePilots), Read, c => c.SummariseDeliveringAsOnePilotsAsync(new SummariseDeliveringAsOnePilotsRequest()).ResponseAsync),
        // Toolkit assessments
        new(nameof(CoordinationService.CoordinationServiceClient.RecordToolkitAssessment), Write, c => c.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetToolkitAssessment), Read, c => c.GetToolkitAssessmentAsync(new GetToolkitAssessmentRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListToolkitAssessments), Read, c => c.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ChangeToolkitAssessmentStatus), Write, c => c.ChangeToolkitAssessmentStatusAsync(new ChangeToolkitAssessmentStatusRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.SummariseToolkitAssessments), Read, c => c.SummariseToolkitAssessmentsAsync(new SummariseToolkitAssessmentsRequest()).ResponseAsync),
        // Crisis responses
        new(nameof(CoordinationService.CoordinationServiceClient.RecordCrisisResponse), Write, c => c.RecordCrisisResponseAsync(new RecordCrisisResponseRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetCrisisResponse), Read, c => c.GetCrisisResponseAsync(new GetCrisisResponseRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListCrisisResponses), Read, c => c.ListCrisisResponsesAsync(new ListCrisisResponsesRequest()).ResponseAsync),
        // ---- history ----
        new(nameof(CoordinationService.CoordinationServiceClient.GetUndafHistory), Read, c => c.GetUndafHistoryAsync(new GetUndafHistoryRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetJointProgrammeHistory), Read, c => c.GetJointProgrammeHistoryAsync(new GetJointProgrammeHistoryRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetToolkitAssessmentHistory), Read, c => c.GetToolkitAssessmentHistoryAsync(new GetToolkitAssessmentHistoryRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetCrisisResponseHistory), Read, c => c.GetCrisisResponseHistoryAsync(new GetCrisisResponseHistoryRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetCountryPresenceHistory), Read, c => c.GetCountryPresenceHistoryAsync(new GetCountryPresenceHistoryRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.GetDeliveringAsOnePilotHistory), Read, c => c.GetDeliveringAsOnePilotHistoryAsync(new GetDeliveringAsOnePilotHistoryRequest()).ResponseAsync),
        // ---- countries: country status, ending and unlinking ----
        new(nameof(CoordinationService.CoordinationServiceClient.GetCountryStatus), Read, c => c.GetCountryStatusAsync(new GetCountryStatusRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.ListCountryStatuses), Read, c => c.ListCountryStatusesAsync(new ListCountryStatusesRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.SetCountryStatus), Write, c => c.SetCountryStatusAsync(new SetCountryStatusRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.EndCrisisResponse), Write, c => c.EndCrisisResponseAsync(new EndCrisisResponseRequest()).ResponseAsync),
        new(nameof(CoordinationService.CoordinationServiceClient.UnlinkOutcomes), Write, c => c.UnlinkOutcomesAsync(new UnlinkOutcomesRequest()).ResponseAsync),
    ];
}
