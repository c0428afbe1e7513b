using DecentWork.Contracts.Events.Coordination;
using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Storage;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Partnerships.Consumers;

/// <summary>
/// Records the organisation's share of an approved UN joint programme as a funding approval by the
/// fund (registered as a UN-system partner on first sight). The approval's id is the joint
/// programme's, so a redelivery or a republished event is recorded once.
/// </summary>
public sealed class JointProgrammeApprovedConsumer(
    IAggregateStore<Partner> partners, IAggregateStore<FundingApproval> approvals, TimeProvider clock,
    ILogger<JointProgrammeApprovedConsumer> logger) : IConsumer<JointProgrammeApproved>
{
    public async Task Consume(ConsumeContext<JointProgrammeApproved> context)
    {
        var joint = context.Message;
        if (joint.OrganisationShareUsd <= 0)
        {
            logger.LogInformation("Joint programme {JointProgrammeId} brings the organisation no money", joint.JointProgrammeId);
            return;
        }
        var fund = await FindOrRegisterFund(joint.Fund, context.CancellationToken);
        // No caller records this one (coordination's event does), so its FundingApproved carries no ChangedBy.
        var approval = FundingApproval.Record(fund, joint.OrganisationShareUsd, joint.ApprovedOn.Year,
            JointProgrammeFunding.Terms(joint.CountryCodes, joint.OrganisationShareUsd, joint.ApprovedOn), clock.GetUtcNow(), joint.JointProgrammeId);
        var inbox = new ProcessedMessage(nameof(JointProgrammeApprovedConsumer), context.MessageId ?? joint.JointProgrammeId);
        if (!await approvals.AddOnceAsync(approval, inbox, context.CancellationToken))
            logger.LogInformation("Joint programme {JointProgrammeId} was already recorded", joint.JointProgrammeId);
    }

    private async Task<Partner> FindOrRegisterFund(string name, CancellationToken cancellationToken)
    {
        if (await partners.FindByNameAsync(name, cancellationToken) is { } known) return known;
        var fund = Partner.Register(name, PartnerCategory.UnSystem, clock.GetUtcNow());
        try
        {
            await partners.SaveAsync(fund, cancellationToken: cancellationToken);
            return fund;
        }
        catch (DuplicateKeyException)
        {
            // Registered meanwhile (by a caller or a parallel delivery): use that one.
            return await partners.FindByNameAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Partner '{name}' vanished.");
        }
    }
}
