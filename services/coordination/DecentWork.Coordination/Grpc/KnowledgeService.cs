using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// The knowledge base's RPCs: register, get, change and withdraw here; lists in
/// KnowledgeService.List.cs, search in .Search.cs, the region comparison in .Reports.cs. Rules
/// live in the domain (KnowledgeItem, KnowledgeRules); scope in KnowledgeService.Scope.cs.
/// </summary>
public sealed partial class KnowledgeService(
    IAggregateStore<KnowledgeItem> items, IAggregateStore<KnownProgramme> programmes, IProjectionReader projections, TimeProvider clock,
    IAggregateStore<KnownSearchable> searchables, IAggregateStore<CountryStatus> countryStatuses)
    : Contract.KnowledgeService.KnowledgeServiceBase
{
    [Authorize(Policy = AccessPolicies.KnowledgeWrite)]
    public override async Task<Contract.KnowledgeItem> RegisterKnowledgeItem(Contract.RegisterKnowledgeItemRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        var content = KnowledgeItemMapping.FromProto(request.Content, "content.", now, violations);
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        EnsureMayWrite(caller, content!.CountryCode);
        var item = KnowledgeItem.Register(content, caller.Display, now);
        await items.SaveAsync(item, cancellationToken: context.CancellationToken);
        return KnowledgeItemMapping.ToProto(item);
    }

    [Authorize(Policy = AccessPolicies.KnowledgeRead)]
    public override async Task<Contract.KnowledgeItem> GetKnowledgeItem(Contract.GetKnowledgeItemRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        return KnowledgeItemMapping.ToProto(await FindVisibleAsync(id, request.Id, Caller.From(context), context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.KnowledgeWrite)]
    public override async Task<Contract.KnowledgeItem> ChangeKnowledgeItem(Contract.ChangeKnowledgeItemRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var content = KnowledgeItemMapping.FromProto(request.Content, "content.", now, violations);
        violations.Check(!KnowledgeItem.IsValidReason(request.Reason, required: false), "reason", $"must be at most {KnowledgeItem.MaxReasonLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        var item = await items.ChangeAsync(token => FindVisibleAsync(id!.Value, request.Id, caller, token), request.ExpectedVersion, found =>
        {
            // Both where it was and where it goes must be the caller's to write.
            EnsureMayWrite(caller, found.Content.CountryCode);
            EnsureMayWrite(caller, content!.CountryCode);
            // The same content again changes nothing, so nothing is saved and the version stays put.
            return Task.FromResult(found.Change(content, request.Reason, caller.Display, now));
        }, context.CancellationToken);
        return KnowledgeItemMapping.ToProto(item);
    }

    [Authorize(Policy = AccessPolicies.KnowledgeWrite)]
    public override async Task<Contract.KnowledgeItem> WithdrawKnowledgeItem(Contract.WithdrawKnowledgeItemRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(!KnowledgeItem.IsValidReason(request.Reason, required: true), "reason", $"is required: 1-{KnowledgeItem.MaxReasonLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        var item = await items.ChangeAsync(token => FindVisibleAsync(id!.Value, request.Id, caller, token), request.ExpectedVersion, found =>
        {
            EnsureMayWrite(caller, found.Content.CountryCode);
            found.Withdraw(request.Reason, caller.Display, clock.GetUtcNow());
            return Task.FromResult(true);
        }, context.CancellationToken);
        return KnowledgeItemMapping.ToProto(item);
    }
}
