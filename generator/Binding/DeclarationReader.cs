using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CrmGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmGen.Generator.Binding;

/// <summary>
/// Reads <see cref="DeclaredClass"/> values from C# syntax, without a semantic model, so that
/// the generator can redo it on every edit for almost nothing. The attributes are recognised by
/// name: <c>CrmProvider</c> / <c>CrmProviderAttribute</c> and <c>UnifiedModel</c> /
/// <c>UnifiedModelAttribute</c>, simple or qualified (<c>CrmGen.CrmProvider</c>), or through a
/// <c>using</c> alias of the same file. The provider name is a string literal (or <c>nameof</c>,
/// or literals joined with <c>+</c>).
/// </summary>
internal static class DeclarationReader
{
    private const string ProviderAttribute = "CrmProvider";
    private const string ModelAttribute = "UnifiedModel";

    /// <summary>
    /// The syntactic filter: a class (or record class) with attributes or the <c>partial</c>
    /// modifier. Runs only on the trees that changed.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken ct)
        => node is TypeDeclarationSyntax declaration
           && IsClass(declaration)
           && (declaration.AttributeLists.Count > 0 || declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool IsClass(TypeDeclarationSyntax declaration)
        => declaration is ClassDeclarationSyntax
           || (declaration is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));

    /// <summary>
    /// The declaration of <paramref name="node"/>, or <see langword="null"/> when it is neither
    /// marked with one of the attributes nor a partial class part with static methods (or when
    /// reading it failed: the generator then generates nothing from it, and the analyzer says why).
    /// </summary>
    public static DeclaredClass? Read(SyntaxNode node, CancellationToken ct)
    {
        try
        {
            return node is TypeDeclarationSyntax declaration && IsClass(declaration) ? ReadCore(declaration, ct) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static DeclaredClass? ReadCore(TypeDeclarationSyntax declaration, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Most candidates are partial classes or other attributes: the aliases in scope are read
        // only when an attribute's simple name is not one of ours, and for the classes kept.
        EquatableArray<WrittenAlias>? aliases = null;
        string? providerName = null;
        string? resource = null;
        bool hasProvider = false, hasModel = false;
        foreach (var list in declaration.AttributeLists)
        {
            if (list.Target is not null) continue;
            foreach (var attribute in list.Attributes)
            {
                var kind = AttributeKind(attribute.Name, EquatableArray<WrittenAlias>.Empty);
                if (kind is null && attribute.Name is IdentifierNameSyntax)
                {
                    aliases ??= Aliases(declaration);
                    kind = AttributeKind(attribute.Name, aliases.Value);
                }
                switch (kind)
                {
                    case ProviderAttribute when !hasProvider:
                        hasProvider = true;
                        providerName = SingleStringArgument(attribute);
                        break;
                    case ModelAttribute when !hasModel:
                        hasModel = true;
                        resource = SingleStringArgument(attribute);
                        break;
                }
            }
        }

        var isPartial = declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
        var hooks = hasProvider || isPartial ? Hooks(declaration, ct) : EquatableArray<DeclaredHook>.Empty;
        var constructors = hasProvider || isPartial ? Constructors(declaration) : 0;
        // Another part of a partial class may hold a model's properties as well as hooks.
        var properties = hasModel || isPartial ? Properties(declaration) : EquatableArray<DeclaredProperty>.Empty;
        if (!hasProvider && !hasModel && hooks.IsEmpty && constructors == 0 && properties.IsEmpty) return null;

        var containers = new List<string>();
        var containersPartial = true;
        var inGeneric = declaration.TypeParameterList is not null;
        var ns = "";
        for (var parent = declaration.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is TypeDeclarationSyntax container)
            {
                containers.Insert(0, container.Identifier.ValueText);
                containersPartial &= container.Modifiers.Any(SyntaxKind.PartialKeyword);
                inGeneric |= container.TypeParameterList is not null;
            }
            else if (parent is BaseNamespaceDeclarationSyntax namespaceDeclaration)
            {
                var name = DottedName(namespaceDeclaration.Name);
                ns = ns.Length == 0 ? name : name + "." + ns;
            }
        }

        WrittenType? baseType = null;
        if ((hasModel || isPartial) && declaration.BaseList is { Types.Count: > 0 } baseList)
        {
            baseType = Written(baseList.Types[0].Type);
        }

        var tree = declaration.SyntaxTree;
        var span = declaration.Identifier.Span;
        return new DeclaredClass(
            ns,
            containers.ToEquatableArray(),
            declaration.Identifier.ValueText,
            declaration.TypeParameterList?.Parameters.Count ?? 0,
            isPartial,
            containersPartial,
            providerName,
            hasProvider,
            hasModel,
            resource,
            baseType,
            hooks,
            properties,
            Usings(declaration).ToEquatableArray(),
            aliases ?? Aliases(declaration),
            tree.FilePath,
            span,
            tree.GetLineSpan(span, ct).Span)
        {
            IsStatic = declaration.Modifiers.Any(SyntaxKind.StaticKeyword),
            IsAbstract = declaration.Modifiers.Any(SyntaxKind.AbstractKeyword),
            InGeneric = inGeneric,
            Constructors = constructors,
        };
    }

    /// <summary>See <see cref="DeclaredClass.Constructors"/>; a record's parameter list is a constructor too.</summary>
    private static int Constructors(TypeDeclarationSyntax declaration)
    {
        var result = 0;
        if (declaration.ParameterList is { } primary) result = TakesNoArguments(primary) ? 1 : -1;
        foreach (var member in declaration.Members)
        {
            if (member is not ConstructorDeclarationSyntax constructor || constructor.Modifiers.Any(SyntaxKind.StaticKeyword)) continue;
            if (TakesNoArguments(constructor.ParameterList)) return 1;
            result = -1;
        }
        return result;

        static bool TakesNoArguments(ParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Default is null && !parameter.Modifiers.Any(SyntaxKind.ParamsKeyword)) return false;
            }
            return true;
        }
    }

    /// <summary>Which of the two attributes <paramref name="name"/> names, if either.</summary>
    private static string? AttributeKind(NameSyntax name, EquatableArray<WrittenAlias> aliases)
    {
        var last = LastIdentifier(name);
        if (name is IdentifierNameSyntax)
        {
            foreach (var alias in aliases)
            {
                if (alias.Name == last) return Strip(LastPart(alias.Target.Name));
            }
        }
        return Strip(last);

        static string? Strip(string identifier) => identifier switch
        {
            ProviderAttribute or ProviderAttribute + "Attribute" => ProviderAttribute,
            ModelAttribute or ModelAttribute + "Attribute" => ModelAttribute,
            _ => null,
        };
    }

    private static string LastPart(string dotted)
    {
        var dot = dotted.LastIndexOf('.');
        return dot < 0 ? dotted : dotted.Substring(dot + 1);
    }

    private static string LastIdentifier(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>The constant string of an attribute's single positional argument, as far as syntax tells it.</summary>
    private static string? SingleStringArgument(AttributeSyntax attribute)
    {
        if (attribute.ArgumentList is not { Arguments.Count: 1 } arguments) return null;
        var argument = arguments.Arguments[0];
        return argument.NameEquals is null && argument.NameColon is null ? ConstantString(argument.Expression) : null;
    }

    private static string? ConstantString(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        ParenthesizedExpressionSyntax parenthesized => ConstantString(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
            => ConstantString(binary.Left) is { } left && ConstantString(binary.Right) is { } right ? left + right : null,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } args }
            => args[0].Expression switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            },
        _ => null,
    };

    /// <summary>The static, non-generic ordinary methods of the declaration.</summary>
    private static EquatableArray<DeclaredHook> Hooks(TypeDeclarationSyntax declaration, CancellationToken ct)
    {
        List<DeclaredHook>? hooks = null;
        CompilationUnitSyntax? root = null;
        foreach (var member in declaration.Members)
        {
            if (member is not MethodDeclarationSyntax method
                || !method.Modifiers.Any(SyntaxKind.StaticKeyword)
                || method.TypeParameterList is not null
                || method.ExplicitInterfaceSpecifier is not null)
            {
                continue;
            }
            // A partial method is one member: its implementation (the part with a body, maybe in
            // another part of the class) is dropped where its definition is seen.
            var isImplementation = method.Modifiers.Any(SyntaxKind.PartialKeyword) && (method.Body is not null || method.ExpressionBody is not null);
            if (isImplementation && HasPartialDefinition(declaration, method)) continue;
            ct.ThrowIfCancellationRequested();
            root ??= (CompilationUnitSyntax)declaration.SyntaxTree.GetRoot(ct);
            var parameters = new List<DeclaredParameter>(method.ParameterList.Parameters.Count);
            foreach (var parameter in method.ParameterList.Parameters)
            {
                var refKind = "";
                foreach (var modifier in parameter.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.RefKeyword) || modifier.IsKind(SyntaxKind.OutKeyword) || modifier.IsKind(SyntaxKind.InKeyword))
                    {
                        refKind = refKind.Length == 0 ? modifier.ValueText : refKind + " " + modifier.ValueText;
                    }
                    else if (modifier.IsKind(SyntaxKind.ReadOnlyKeyword))
                    {
                        refKind = refKind.Length == 0 ? "readonly" : refKind + " readonly";
                    }
                }
                parameters.Add(new DeclaredParameter(parameter.Type is null ? Unwritten : Written(parameter.Type), refKind == "in" ? "" : refKind));
            }
            var returnsByRef = method.ReturnType is RefTypeSyntax;
            var returnType = method.ReturnType is RefTypeSyntax refType ? refType.Type : method.ReturnType;
            (hooks ??= new List<DeclaredHook>()).Add(new DeclaredHook(
                method.Identifier.ValueText,
                Written(returnType),
                returnsByRef,
                parameters.ToEquatableArray(),
                AnnotationsAt(root, method.SpanStart))
            {
                IsPartialImplementation = isImplementation,
            });
        }
        return hooks is null ? EquatableArray<DeclaredHook>.Empty : hooks.ToEquatableArray();
    }

    private static bool HasPartialDefinition(TypeDeclarationSyntax declaration, MethodDeclarationSyntax implementation)
    {
        // The definition may be in another part; a part on its own cannot know, so an
        // implementation is dropped only when this part also holds the definition.
        foreach (var member in declaration.Members)
        {
            if (member is MethodDeclarationSyntax other && other != implementation
                && other.Identifier.ValueText == implementation.Identifier.ValueText
                && other.Body is null && other.ExpressionBody is null
                && other.Modifiers.Any(SyntaxKind.PartialKeyword)
                && other.ParameterList.Parameters.Count == implementation.ParameterList.Parameters.Count)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What the last <c>#nullable</c> directive before <paramref name="position"/> says about annotations.</summary>
    private static NullableAnnotations AnnotationsAt(CompilationUnitSyntax root, int position)
    {
        var state = NullableAnnotations.Project;
        if (!root.ContainsDirectives) return state;
        static bool IsNullable(DirectiveTriviaSyntax d) => d is NullableDirectiveTriviaSyntax;
        for (var directive = root.GetFirstDirective(IsNullable); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective(IsNullable))
        {
            var nullable = (NullableDirectiveTriviaSyntax)directive;
            if (!nullable.IsActive) continue;
            if (!nullable.TargetToken.IsKind(SyntaxKind.None) && !nullable.TargetToken.IsKind(SyntaxKind.AnnotationsKeyword)) continue;
            state = nullable.SettingToken.Kind() switch
            {
                SyntaxKind.EnableKeyword => NullableAnnotations.Enabled,
                SyntaxKind.DisableKeyword => NullableAnnotations.Disabled,
                _ => NullableAnnotations.Project,
            };
        }
        return state;
    }

    /// <summary>The public, instance, publicly settable (not init-only) properties, in declaration order.</summary>
    private static EquatableArray<DeclaredProperty> Properties(TypeDeclarationSyntax declaration)
    {
        var properties = new List<DeclaredProperty>();
        foreach (var member in declaration.Members)
        {
            if (member is not PropertyDeclarationSyntax property
                || !property.Modifiers.Any(SyntaxKind.PublicKeyword)
                || property.Modifiers.Any(SyntaxKind.StaticKeyword)
                || property.ExplicitInterfaceSpecifier is not null
                || property.AccessorList is null)
            {
                continue;
            }
            var settable = false;
            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) && accessor.Modifiers.Count == 0) settable = true;
            }
            if (!settable) continue;
            properties.Add(new DeclaredProperty(property.Identifier.ValueText, WireName(property), Written(property.Type)));
        }
        return properties.ToEquatableArray();
    }

    private static string? WireName(PropertyDeclarationSyntax property)
    {
        foreach (var list in property.AttributeLists)
        {
            if (list.Target is not null && !list.Target.Identifier.IsKind(SyntaxKind.PropertyKeyword)) continue;
            foreach (var attribute in list.Attributes)
            {
                var name = LastIdentifier(attribute.Name);
                if (name is "JsonPropertyName" or "JsonPropertyNameAttribute" && SingleStringArgument(attribute) is { } wire)
                {
                    return wire;
                }
            }
        }
        return null;
    }

    /// <summary>The <c>using</c> directives in scope of the declaration: its enclosing namespaces', innermost first, then the file's.</summary>
    private static IEnumerable<UsingDirectiveSyntax> ScopeUsings(SyntaxNode declaration)
    {
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            var directives = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in directives) yield return directive;
        }
    }

    /// <summary>The namespaces imported by <c>using</c> directives in scope of the declaration (file and enclosing namespaces).</summary>
    private static List<string> Usings(SyntaxNode declaration)
    {
        var usings = new List<string>();
        foreach (var directive in ScopeUsings(declaration))
        {
            if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null)
            {
                usings.Add(DottedName(directive.Name));
            }
        }
        return usings;
    }

    /// <summary>The <c>using Alias = Type;</c> directives in scope of the declaration.</summary>
    private static EquatableArray<WrittenAlias> Aliases(SyntaxNode declaration)
    {
        List<WrittenAlias>? aliases = null;
        foreach (var directive in ScopeUsings(declaration))
        {
            if (directive.Alias is not null && directive.NamespaceOrType is TypeSyntax target)
            {
                (aliases ??= new List<WrittenAlias>()).Add(new WrittenAlias(directive.Alias.Name.Identifier.ValueText, Written(target)));
            }
        }
        return aliases is null ? EquatableArray<WrittenAlias>.Empty : aliases.ToEquatableArray();
    }

    private static readonly WrittenType Unwritten = new(WrittenTypeKind.Other, "", EquatableArray<WrittenType>.Empty, false, "?");

    /// <summary>The <see cref="WrittenType"/> of a type syntax.</summary>
    internal static WrittenType Written(TypeSyntax type)
    {
        var text = type.ToString();
        switch (type)
        {
            case NullableTypeSyntax nullable:
                var inner = Written(nullable.ElementType);
                return inner with { Nullable = true, Text = text };
            case PredefinedTypeSyntax predefined:
                return new WrittenType(WrittenTypeKind.Keyword, predefined.Keyword.ValueText, EquatableArray<WrittenType>.Empty, false, text);
            case NameSyntax name when NamedParts(name) is { } parts:
                return new WrittenType(WrittenTypeKind.Named, parts.Name, parts.Arguments, false, text);
            default:
                return new WrittenType(WrittenTypeKind.Other, "", EquatableArray<WrittenType>.Empty, false, text);
        }
    }

    /// <summary>The dotted name and the last part's type arguments; <see langword="null"/> when an earlier part has type arguments.</summary>
    private static (string Name, EquatableArray<WrittenType> Arguments)? NamedParts(NameSyntax name)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                return (identifier.Identifier.ValueText, EquatableArray<WrittenType>.Empty);
            case GenericNameSyntax generic:
                var arguments = ImmutableArray.CreateBuilder<WrittenType>(generic.TypeArgumentList.Arguments.Count);
                foreach (var argument in generic.TypeArgumentList.Arguments) arguments.Add(Written(argument));
                return (generic.Identifier.ValueText, new EquatableArray<WrittenType>(arguments.MoveToImmutable()));
            case AliasQualifiedNameSyntax aliased:
                // global::X: the same as X here (an extern alias is not followed).
                return aliased.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) ? NamedParts(aliased.Name) : null;
            case QualifiedNameSyntax qualified:
                var left = qualified.Left switch
                {
                    AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword } global => DottedNameOrNull(global.Name),
                    var other => DottedNameOrNull(other),
                };
                if (left is null || NamedParts(qualified.Right) is not { } right) return null;
                return (left + "." + right.Name, right.Arguments);
            default:
                return null;
        }
    }

    private static string? DottedNameOrNull(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => DottedNameOrNull(qualified.Left) is { } left && qualified.Right is IdentifierNameSyntax right
            ? left + "." + right.Identifier.ValueText
            : null,
        AliasQualifiedNameSyntax aliased when aliased.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) => DottedNameOrNull(aliased.Name),
        _ => null,
    };

    private static string DottedName(NameSyntax name) => DottedNameOrNull(name) ?? name.ToString();
}
