using DecentWork.Programming;

await ProgrammingApp.Build(args).RunAsync();
