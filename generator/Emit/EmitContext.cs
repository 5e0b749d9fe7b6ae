using System.Collections.Generic;

namespace CrmGen.Generator.Emit;

/// <summary>What expression emission needs to know about the provider and the method being written.</summary>
internal sealed class EmitContext
{
    public EmitContext(
        string providerClass,
        IReadOnlyDictionary<string, string> enumMethods,
        IReadOnlyDictionary<string, string> inverseEnumMethods,
        IReadOnlyDictionary<string, bool> contextValues)
    {
        ProviderClass = providerClass;
        EnumMethods = enumMethods;
        InverseEnumMethods = inverseEnumMethods;
        ContextValues = contextValues;
    }

    /// <summary>The provider class, <c>global::</c>-qualified (hooks are its static methods).</summary>
    public string ProviderClass { get; }

    /// <summary>Enum table name → the generated lookup method (e.g. <c>CrmEnumTables.StageStatus</c>).</summary>
    public IReadOnlyDictionary<string, string> EnumMethods { get; }

    /// <summary>Enum table name → the generated backwards lookup method.</summary>
    public IReadOnlyDictionary<string, string> InverseEnumMethods { get; }

    /// <summary>Declared context values and whether each is required.</summary>
    public IReadOnlyDictionary<string, bool> ContextValues { get; }

    /// <summary>The <c>IntegratedAccount</c> variable of the method, or null where none is in scope.</summary>
    public string? Account { get; init; }

    /// <summary>True when <see cref="Account"/> may be null at run time (the read path's <c>options.Account</c>).</summary>
    public bool AccountMayBeNull { get; init; }

    /// <summary>The record id variable of the method, or null where none is in scope.</summary>
    public string? Id { get; init; }

    /// <summary>The key-pattern fields of the class the method is in (null where no catch-all is read).</summary>
    public KeyPatternFields? KeyPatterns { get; init; }

    /// <summary>Unique local names for the method.</summary>
    public ReadNames Names { get; init; } = new();
}
