using DecentWork.Identity;

await IdentityApp.Build(args).RunAsync();
