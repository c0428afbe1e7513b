using DecentWork.Portal;

PortalApp.Build(args).Run();
