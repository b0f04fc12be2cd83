using System.Net.Http.Json;
using Crm.Testing.Hosts;
using Microsoft.Playwright;
using Xunit;

namespace Crm.Browser.Tests.Hosting;

/// <summary>
/// A real Crm.Web process over a temporary data folder (demo data seeded on its first start), headless Chromium,
/// and a second client signed in over REST as agent2, who plays "someone else" posting into threads.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Agent = "agent@demo.crm";
    public const string OtherAgent = "agent2@demo.crm";
    public const string Supervisor = "supervisor@demo.crm";

    /// <summary>The Debian package's Chromium; CRM_CHROMIUM overrides it. Playwright's own downloads are never used.</summary>
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CRM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static readonly string[] RateLimitRules =
        ["Login", "LoginPerEmail", "WidgetSessions", "WidgetUploads", "Anonymous", "HubMessages", "HubTyping"];

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"crm-browser-{Guid.NewGuid():N}");
    private CrmProcess? _crm;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleClient? _otherAgent;
    private ConsoleClient? _supervisor;

    public Uri BaseAddress => Crm.BaseAddress;

    /// <summary>agent2, signed in through /api/auth/login: posts and opens conversations over REST.</summary>
    public ConsoleClient OtherAgentClient => _otherAgent ?? throw NotStarted();

    /// <summary>A supervisor's API session: shared canned responses are theirs (and admins') to edit.</summary>
    public ConsoleClient SupervisorClient => _supervisor ?? throw NotStarted();

    /// <summary>The server's recent output, for failure messages.</summary>
    public string ServerOutput => _crm?.Output ?? "";

    private CrmProcess Crm => _crm ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: install it (apt-get install chromium) or set CRM_CHROMIUM to its path. " +
                "Browser tests never skip, on CI (CI=true) or elsewhere, and never download a browser (no `playwright install`).");

        Directory.CreateDirectory(_dataPath);
        // Both take seconds: start them side by side.
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = _dataPath };
        // Every test signs in through the form and the widget tests open sessions from one address, far faster than
        // the production limits allow. Security/CspTests needs no limits at all.
        foreach (var rule in RateLimitRules) settings[$"Crm:RateLimits:{rule}:PermitLimit"] = "1000000";
        var crm = CrmProcess.StartAsync("Crm.Web", settings);
        var browser = LaunchChromiumAsync();
        try
        {
            await Task.WhenAll(crm, browser);
        }
        catch
        {
            if (crm.IsCompletedSuccessfully) await crm.Result.DisposeAsync();
            if (browser.IsCompletedSuccessfully) await browser.Result.DisposeAsync();
            _playwright?.Dispose();
            throw;
        }
        _crm = crm.Result;
        _browser = browser.Result;
        _otherAgent = await ConsoleClient.SignInAsync(BaseAddress, OtherAgent);
        _supervisor = await ConsoleClient.SignInAsync(BaseAddress, Supervisor);
        Assertions.SetDefaultExpectTimeout((float)Deadline.TotalMilliseconds);
    }

    public async Task DisposeAsync()
    {
        _otherAgent?.Dispose();
        _supervisor?.Dispose();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_crm is not null) await _crm.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the just-killed process; the temp folder is cleaned up by the OS eventually.
        }
    }

    /// <summary>A fresh context (own cookies and storage) with the app as its base address; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await (_browser ?? throw NotStarted()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = scheme,
            // No transitions: a colour read mid-fade (a chip's hover, the theme switching) is neither the old nor the new
            // palette colour, and the console honours the setting (app.css), as users who ask for it expect.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
        return context;
    }

    /// <summary>Opens a new conversation as agent2 and returns its id, so a test has a thread no other test writes to.</summary>
    public async Task<string> OpenConversationAsync(string subject)
    {
        var conversationId = $"browser-{Guid.NewGuid():N}";
        using var response = await OtherAgentClient.Http.PostAsJsonAsync("api/conversations",
            new { conversationId, customerId = "tom", customerName = "Tom Becker", subject });
        await EnsureAsync(response, $"opening {conversationId}");
        return conversationId;
    }

    /// <summary>Posts <paramref name="body"/> as agent2 over REST.</summary>
    public async Task<PostedMessage> PostAsOtherAgentAsync(string conversationId, string body)
    {
        using var response = await OtherAgentClient.Http.PostAsJsonAsync($"api/conversations/{conversationId}/messages",
            new { clientMessageId = Guid.NewGuid(), body });
        await EnsureAsync(response, $"posting to {conversationId}");
        return (await response.Content.ReadFromJsonAsync<PostedMessage>())!;
    }

    /// <summary>The committed thread as the REST API returns it.</summary>
    public async Task<IReadOnlyList<PostedMessage>> GetMessagesAsync(string conversationId) =>
        (await OtherAgentClient.Http.GetFromJsonAsync<List<PostedMessage>>($"api/conversations/{conversationId}/messages"))!;

    private async Task<IBrowser> LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{ServerOutput}");
    }

    private static InvalidOperationException NotStarted() => new("The browser fixture has not started.");
}

/// <summary>The part of a message the tests look at, as the REST API returns it.</summary>
public sealed record PostedMessage(long Seq, string Body);
