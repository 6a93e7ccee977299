// Resources are found as CardKit.Web.Resources.Strings although the assembly is cardkit-web.
[assembly: Microsoft.Extensions.Localization.RootNamespace("CardKit.Web")]
