using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Keeps, once per approval, how much partnerships approved for which country: the funding side
/// of the region comparison. The programmes an approval names are looked up in this service's own
/// view; one not known yet fails the message, and MassTransit retries it once the programme's event
/// has arrived.
/// </summary>
public sealed class FundingApprovedConsumer(IAggregateStore<KnownFunding> fundings, IAggregateStore<KnownProgramme> programmes)
    : IConsumer<FundingApproved>
{
    public async Task Consume(ConsumeContext<FundingApproved> context)
    {
        var approved = context.Message;
        var inbox = new ProcessedMessage(nameof(FundingApprovedConsumer), context.MessageId ?? approved.ApprovalId);
        var countries = new Dictionary<Guid, string>();
        foreach (var id in KnownFunding.ProgrammesNamed(approved))
            if (await programmes.FindAsync(id, context.CancellationToken) is { } programme)
                countries[id] = programme.CountryCode;
        var funding = KnownFunding.From(approved, id => countries.GetValueOrDefault(id));
        await fundings.AddOnceAsync(funding, inbox, context.CancellationToken);
    }
}
