using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Keeps the region comparison's budget and expenditure from partnerships' ProjectFinanceChanged:
/// the newest state of each budget book or transaction (see <see cref="NewestState"/>).
/// </summary>
public sealed class ProjectFinanceChangedConsumer(IAggregateStore<KnownFinance> finances) : IConsumer<ProjectFinanceChanged>
{
    public Task Consume(ConsumeContext<ProjectFinanceChanged> context) =>
        NewestState.KeepAsync(finances, context, nameof(ProjectFinanceChangedConsumer), KnownFinance.From(context.Message), (known, newer) => known.Replace(newer));
}
