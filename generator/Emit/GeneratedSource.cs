namespace CrmGen.Generator.Emit;

/// <summary>One generated file: its hint name and text. Equatable, so unchanged output stays cached.</summary>
internal sealed record GeneratedSource(string HintName, string Source);
