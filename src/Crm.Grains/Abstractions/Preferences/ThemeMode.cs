namespace Crm.Grains.Abstractions.Preferences;

/// <summary>The console's colours: the operating system's choice (the default), or always light or dark.</summary>
[GenerateSerializer]
public enum ThemeMode
{
    System,
    Light,
    Dark,
}
