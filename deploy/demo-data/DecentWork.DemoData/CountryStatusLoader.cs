using DecentWork.ServiceDefaults.Grpc;
using Coordination = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Crisis status for three of the demo's crisis-response countries, beside the least-developed-country
/// status coordination seeds itself from the built-in UN list (kept as it is), and the end of
/// Bangladesh's joint needs assessment. The crises' start days are real; their end days are
/// illustrative. Safe to run again: the same status again changes nothing, and an ended response is left alone.
/// </summary>
public sealed class CountryStatusLoader(Coordination.CoordinationService.CoordinationServiceClient coordination)
{
    private static readonly (string Country, DateOnly From, DateOnly? Until, string Crisis)[] Crises =
    [
        ("BGD", new(2007, 7, 24), new(2009, 1, 1), "Monsoon floods and Cyclone Sidr"),
        ("HTI", new(2004, 2, 29), null, "Political crisis and hurricanes"),
        ("SDN", new(2003, 2, 26), null, "Darfur"),
    ];

    public async Task LoadAsync()
    {
        foreach (var (country, from, until, crisis) in Crises)
        {
            var held = await coordination.GetCountryStatusAsync(new Coordination.GetCountryStatusRequest { CountryCode = country });
            await coordination.SetCountryStatusAsync(new Coordination.SetCountryStatusRequest
            {
                CountryCode = country,
                LeastDeveloped = { held.LeastDeveloped },
                Crises = { new Coordination.CountryStatusPeriod { From = ProtoConvert.ToDate(from), Until = until is { } day ? ProtoConvert.ToDate(day) : null, Note = crisis } },
                Reason = $"Demo data: {crisis}",
            });
        }
        var bangladesh = await coordination.ListCrisisResponsesAsync(new Coordination.ListCrisisResponsesRequest
        {
            Country = "BGD", Kind = Coordination.CrisisResponseKind.JointNeedsAssessment,
        });
        foreach (var response in bangladesh.CrisisResponses.Where(r => r.EndedOn is null))
            await coordination.EndCrisisResponseAsync(new Coordination.EndCrisisResponseRequest
            {
                Id = response.Id, EndedOn = ProtoConvert.ToDate(new DateOnly(2008, 2, 29)), Reason = "Assessment report handed to the Government",
            });
    }
}
