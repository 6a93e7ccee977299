using CardKit.Web;

if (args.Length > 0 && args[0] == "add-moderator")
    return await AddModeratorCommand.RunAsync(args);

var app = WebApp.Build(WebApp.CreateBuilder(args));
await app.RunAsync();
return 0;
