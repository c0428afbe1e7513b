using DecentWork.ServiceDefaults.Storage.History;
using MassTransit;

namespace DecentWork.ServiceDefaults.Messaging;

/// <summary>
/// Names the event a consumer is applying as the action of the saves it makes; the store adds the
/// consumer and the message id from the inbox entry the save records (see <see cref="ChangeActor.For"/>).
/// </summary>
public sealed class ChangeActorConsumeFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using var scope = ChangeContext.Use(new ChangeActor("consumer", $"message {context.MessageId:D}", typeof(T).Name));
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("changeActor");
}
