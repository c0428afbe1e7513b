using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using V1 = DecentWork.Contracts.Operations.V1;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

public sealed partial class OperationsGrpcService
{
    [Authorize(Policy = AccessPolicies.OperationsRead)]
    public override async Task<V1.ListOperatorActionsResponse> ListOperatorActions(V1.ListOperatorActionsRequest request, ServerCallContext context)
    {
        var violations = RequireThisService(request.Service, new FieldViolations());
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();
        var found = await actions.PageAsync(_ => true, new SortOrder<OperatorAction>(a => a.SortKey), page, context.CancellationToken);
        var response = new V1.ListOperatorActionsResponse { NextPageToken = found.NextPageToken, TotalSize = found.TotalSize };
        response.Actions.AddRange(found.Items.Select(ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.OperationsAct)]
    public override async Task<V1.Backup> BackupStore(V1.BackupStoreRequest request, ServerCallContext context)
    {
        RequireThisService(request.Service, new FieldViolations()).ThrowIfAny();
        if (storage.UsesMongo)
            throw new DomainRuleException("This service stores in MongoDB: back it up with mongodump --oplog (see the README's Operations section).");
        var takenAt = clock.GetUtcNow();
        var folder = configuration["Operations:BackupFolder"] is { Length: > 0 } configured ? configured : Path.Combine(storage.DataFolder, "backups");
        var fileName = $"{storage.ServiceName}-{takenAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}.db";
        var size = EmbeddedBackup.Copy(services.GetRequiredService<LiteDbDatabase>(), storage.LiteDbFile, Path.Combine(folder, fileName));
        await actions.SaveAsync(OperatorAction.OnStore(OperatorActionKind.Backup, Caller.From(context).Display, takenAt, fileName),
            cancellationToken: context.CancellationToken);
        return new V1.Backup { FileName = fileName, SizeBytes = size, TakenAt = ProtoConvert.ToTimestamp(takenAt) };
    }

    private static V1.OperatorAction ToProto(OperatorAction action) => new()
    {
        Id = action.Id.ToString(),
        Kind = (V1.OperatorActionKind)action.Kind,
        PerformedBy = action.PerformedBy,
        PerformedAt = ProtoConvert.ToTimestamp(action.PerformedAt),
        Queue = action.Queue,
        MessageId = action.MessageId,
        Detail = action.Detail,
        MessageType = action.MessageType,
        MessageBody = action.MessageBody,
    };
}
