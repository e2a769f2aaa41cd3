using System.Text.Json;

namespace Ashlar.Queries;

public sealed partial record Query<T>
{
    /// <summary>
    /// Adds a filter from untrusted input (an API's request), in Ash's <c>filter_input</c> shape:
    /// <c>{"score": {"gte": 4}, "author": {"name": {"eq": "ada"}}, "or": [{…}, {…}]}</c>. Only public attributes and
    /// relationships can be named; values are cast to the attribute's type. Problems are reported when the query runs,
    /// as an <see cref="Errors.InvalidException"/> carrying <see cref="Errors.InvalidFilterReference"/> (unknown or
    /// private field, unsupported operator) and <see cref="Errors.InvalidFilterValue"/> (value of the wrong type) errors;
    /// input over the domain's <see cref="Expressions.Input.InputLimits"/> is refused with an <see cref="Errors.InvalidFilterSize"/>.
    /// </summary>
    public Query<T> FilterInput(JsonElement input) => this with { Filters = Filters.Add(new FilterSpec(null, input.Clone())) };

    /// <summary>
    /// Adds sort keys from untrusted input: <c>"-score,title"</c> (<c>-</c> descending, <c>++</c> / <c>--</c> with nils
    /// first / last). Only public attributes, optionally through public to-one relationships (<c>author.name</c>). A sort
    /// over the domain's <see cref="Expressions.Input.InputLimits"/> is refused with an <see cref="Errors.InvalidFilterSize"/>.
    /// </summary>
    public Query<T> SortInput(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return this with { Sorts = Sorts.Add(new SortSpec(null, false) { Input = input }) };
    }
}
