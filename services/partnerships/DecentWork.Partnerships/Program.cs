using DecentWork.Partnerships;

await PartnershipsApp.Build(args).RunAsync();
