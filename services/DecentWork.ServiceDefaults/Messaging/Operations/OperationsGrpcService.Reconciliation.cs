using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using V1 = DecentWork.Contracts.Operations.V1;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>The figures this service keeps per programme for reconciliation (see <see cref="IReconciliationFigures"/>).</summary>
public sealed partial class OperationsGrpcService
{
    [Authorize(Policy = AccessPolicies.OperationsRead)]
    public override async Task<V1.ReconciliationFigures> ReportReconciliationFigures(V1.ReportReconciliationFiguresRequest request, ServerCallContext context)
    {
        RequireThisService(request.Service, new FieldViolations()).ThrowIfAny();
        var figures = new List<ReconciliationFigure>();
        foreach (var source in services.GetServices<IReconciliationFigures>())
            figures.AddRange(await source.ReadAsync(context.CancellationToken));
        var response = new V1.ReconciliationFigures { Service = storage.ServiceName };
        response.Figures.AddRange(figures.OrderBy(f => f.Figure, StringComparer.Ordinal).ThenBy(f => f.ProgrammeId).Select(f => new V1.ReconciliationFigure
        {
            Figure = f.Figure,
            ProgrammeId = f.ProgrammeId.ToString(),
            Value = f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Source = f.IsSource,
        }));
        return response;
    }
}
