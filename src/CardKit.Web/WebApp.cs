using System.Globalization;
using System.Threading.RateLimiting;
using CardKit.Web.Atr;
using CardKit.Web.Data;
using CardKit.Web.Security;
using CardKit.Web.Submissions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CardKit.Web;

/// <summary>How cardkit-web is put together: services, then the request pipeline.</summary>
public static class WebApp
{
    /// <summary>The cultures every visible string exists in.</summary>
    public static readonly string[] Cultures = ["en", "fr", "ru"];

    /// <summary>The rate-limit policy of the submission form.</summary>
    public const string SubmissionPolicy = "submissions";

    /// <summary>A builder with every service registered, from the command line <paramref name="args"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = CommandLine.Normalize(args),
            // Static files, resources and appsettings.json next to the program, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            // Pages, views and resources are in this assembly, whichever program hosts it.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
            builder.WebHost.UseUrls(CommandLine.DefaultUrls);
        var section = builder.Configuration.GetSection(WebServiceOptions.Section);
        var options = section.Get<WebServiceOptions>() ?? new WebServiceOptions();
        builder.Services.Configure<WebServiceOptions>(section);
        var secure = (builder.Configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            // Above our own 414 limit, so that the refusal is a problem document with the usual headers.
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
        });

        var database = WebDatabase.From(options.Db ?? Environment.GetEnvironmentVariable("CARDKIT_DB"));
        builder.Services.AddSingleton(database);
        database.AddTo(builder.Services);

        builder.Services.AddDataProtection()
            .SetApplicationName("cardkit-web")
            .PersistKeysToDbContext<WebDb>();

        builder.Services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<WebDb>()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            Harden(o.Cookie, "cardkit-auth", secure);
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/login";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(o =>
        {
            Harden(o.Cookie, "cardkit-af", secure);
            o.FormFieldName = "__af";
            o.SuppressXFrameOptionsHeader = true;
        });

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // French and Russian text as characters, not as &#x...; entities (HTML-special characters are still encoded).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin");
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName("cardkit-lang", secure) },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.OnRejected = (rejected, _) => new ValueTask(Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                Problems.TitleOf(StatusCodes.Status429TooManyRequests), "too many submissions from this address; please wait a minute"));
            o.AddPolicy(SubmissionPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<WebServiceOptions>>().Value.SubmissionsPerMinute;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CardKitJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, WebJsonContext.Default);
        });
        builder.Services.AddOpenApi(o => o.ShouldInclude = d => d.GroupName is null && d.RelativePath is { } p && (p.StartsWith("V1/", StringComparison.Ordinal) || p.StartsWith("api/", StringComparison.Ordinal)));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.Services.AddSingleton(new CardConsole.ConsoleAccess(builder.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? CommandLine.DefaultUrls,
            options.Console, options.ConsoleToken));
        builder.Services.AddSingleton(sp => new AtrCatalog(sp.GetRequiredService<Func<WebDb>>(), options.List, sp.GetRequiredService<ILogger<AtrCatalog>>()));
        builder.Services.AddHostedService<AtrCatalogRefresher>();
        builder.Services.AddSingleton<ParseDocumentCache>();
        builder.Services.AddSingleton<ModeratorNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModeratorNotifier>());
        builder.Services.AddSingleton<SubmissionStore>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionStore>());
        return builder;
    }

    /// <summary>Builds the application: migrations applied, the card list loaded, the pipeline set up.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        Prepare(app.Services);

        var proxies = app.Services.GetRequiredService<IOptions<WebServiceOptions>>().Value.TrustedProxies;
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestLimits>();
        app.UseMiddleware<CardConsole.ConsoleGate>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = null, ExceptionHandler = _ => Task.CompletedTask });
        app.UseStatusCodePages(context => Problems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
            Problems.TitleOf(context.HttpContext.Response.StatusCode), null));
        // Routing first: a request that matched a route skips the static-file lookup.
        app.UseRouting();
        // The public JSON API (/V1, /api, /openapi) uses no cookie, language, form or login: it skips
        // that part of the pipeline, which is most of the cost of a request.
        app.UseWhen(IsSite, site =>
        {
            site.UseStaticFiles();
            site.UseRequestLocalization();
            site.UseRateLimiter();
            site.UseAuthentication();
            site.UseAuthorization();
            site.UseAntiforgery();
        });

        AtrApi.Map(app);
        AdminApi.Map(app);
        CardConsole.ReaderEventsEndpoint.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/lang/{culture}", SwitchLanguage).ExcludeFromDescription();
        app.MapRazorPages();

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => Announce(app));
        return app;
    }

    private static bool IsSite(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/V1", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>__Host-</c> names the cookie only when it can be Secure (RFC 6265bis §4.1.3.2).</summary>
    private static string CookieName(string name, bool secure) => secure ? "__Host-" + name : name;

    // The sign-in and antiforgery cookies: HttpOnly (RFC 6265 §4.1.2.6), SameSite=Strict (RFC 6265bis),
    // Secure (§4.1.2.5) whenever the request was.
    private static void Harden(CookieBuilder cookie, string name, bool secure)
    {
        cookie.Name = CookieName(name, secure);
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    private static void Prepare(IServiceProvider services)
    {
        using (var scope = services.CreateScope())
            WebDatabase.Migrate(scope.ServiceProvider.GetRequiredService<WebDb>(), services.GetRequiredService<WebDatabase>());
        // Create or load the shared key ring now, not in the middle of the first request.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cardkit-web.start").Protect("ready"u8.ToArray());
        services.GetRequiredService<AtrCatalog>().ReloadAsync().GetAwaiter().GetResult();
    }

    private static IResult SwitchLanguage(string culture, string? @return, HttpContext context, IOptions<RequestLocalizationOptions> localization)
    {
        if (!Cultures.Contains(culture))
            return TypedResults.NotFound();
        var cookie = localization.Value.RequestCultureProviders.OfType<CookieRequestCultureProvider>().First().CookieName;
        context.Response.Cookies.Append(cookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        // Only a path of this site: never an open redirect.
        var target = @return is { Length: > 0 } r && r[0] == '/' && (r.Length == 1 || (r[1] != '/' && r[1] != '\\')) ? r : "/";
        return TypedResults.Redirect(target);
    }

    private static void Announce(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<WebDatabase>();
        var catalog = app.Services.GetRequiredService<AtrCatalog>();
        var list = catalog.ListPath is { } path
            ? string.Create(CultureInfo.InvariantCulture, $"{path}, {catalog.Current.Installed.Entries.Count} entries")
            : "no smartcard_list.txt found";
        Console.Out.WriteLine($"cardkit-web: {database.Display}; ATR list: {list}; {catalog.Current.Local.Entries.Count} accepted submissions");
        var console = app.Services.GetRequiredService<CardConsole.ConsoleAccess>();
        foreach (var address in addresses)
            Console.Out.WriteLine($"cardkit-web: listening on {address}/");
        if (console.TokenRequired)
            Console.Out.WriteLine($"cardkit-web: card console at {addresses.FirstOrDefault()}/console?token={console.Token} (the token is required on every console request)");
        else if (!console.Enabled)
            Console.Out.WriteLine("cardkit-web: card console off (the server listens beyond loopback; --console turns it on with an access token)");
        Console.Out.Flush();
    }
}
