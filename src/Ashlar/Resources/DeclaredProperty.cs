using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>What an attribute declaration starts from: the property's column name, inferred type (null when Ashlar has none) and nullability.</summary>
internal sealed record DeclaredProperty(string Name, AttributeType? Type, bool AllowsNil);
