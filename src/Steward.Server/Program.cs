using Steward.Server.Hosting;

return await StewardServer.RunAsync(args).ConfigureAwait(false);
