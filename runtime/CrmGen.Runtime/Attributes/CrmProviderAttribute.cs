using System;

namespace CrmGen;

/// <summary>
/// Binds a <c>partial</c> class to the <c>.crmmap</c> provider of the given name. The CrmGen
/// generator adds the provider's adapter to the class (it implements <see cref="ICrmProvider"/>),
/// and the class's static methods can be called from the mapping as hooks (<c>@Method(args)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CrmProviderAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The provider name as written after <c>provider</c> in the .crmmap file.</param>
    public CrmProviderAttribute(string name) => Name = name;

    /// <summary>The provider name as written after <c>provider</c> in the .crmmap file.</summary>
    public string Name { get; }
}
