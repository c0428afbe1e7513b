using DecentWork.Coordination;

await CoordinationApp.Build(args).RunAsync();
