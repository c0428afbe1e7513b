namespace DecentWork.Benchmarks.Scale;

/// <summary>Runs one service's composition root, exactly as that service's Program.cs does.</summary>
internal static class ServeMode
{
    public static Task RunAsync(string service, string[] args) => service switch
    {
        "partnerships" => DecentWork.Partnerships.PartnershipsApp.Build(args).RunAsync(),
        "training" => DecentWork.Training.TrainingApp.Build(args).RunAsync(),
        "programming" => DecentWork.Programming.ProgrammingApp.Build(args).RunAsync(),
        "coordination" => DecentWork.Coordination.CoordinationApp.Build(args).RunAsync(),
        _ => throw new ArgumentException($"No service called {service}."),
    };
}
