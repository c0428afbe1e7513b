using DecentWork.Training;

await TrainingApp.Build(args).RunAsync();
