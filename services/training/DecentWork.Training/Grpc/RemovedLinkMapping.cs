using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Training.Domain;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

internal static class RemovedLinkMapping
{
    public static Contract.RemovedLink ToProto(RemovedLink removed) => new()
    {
        ProgrammeId = removed.ProgrammeId.ToString(),
        OutcomeId = removed.OutcomeId?.ToString() ?? "",
        OutcomeCode = removed.OutcomeCode,
        LinkedAt = removed.LinkedAt is { } linkedAt ? ProtoConvert.ToTimestamp(linkedAt) : null,
        RemovedAt = ProtoConvert.ToTimestamp(removed.RemovedAt),
        RemovedBy = removed.RemovedBy,
        Reason = removed.Reason,
    };
}
