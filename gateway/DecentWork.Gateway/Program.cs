using DecentWork.Gateway;

await GatewayApp.Build(args).RunAsync();
