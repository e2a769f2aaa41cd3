using Ashlar.Errors;
using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Actions.Model;

public sealed class Article : IResource<Article>
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string? Slug { get; set; }

    public string Status { get; set; } = "draft";

    public int Views { get; set; }

    public string? ClosedReason { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public long? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Remark>? Remarks { get; set; }

    public List<Label>? Labels { get; set; }

    public static void Define(ResourceBuilder<Article> r)
    {
        r.IntegerPrimaryKey(a => a.Id);
        r.Attribute(a => a.Title, x => x.MaxLength(100));
        r.Attribute(a => a.Slug);
        r.Attribute(a => a.Status, x => x.Default("draft"));
        r.Attribute(a => a.Views, x => x.Default(0));
        r.Attribute(a => a.ClosedReason);
        r.Attribute(a => a.ArchivedAt);
        r.BelongsTo(a => a.Writer);
        r.HasMany(a => a.Remarks);
        r.ManyToMany(a => a.Labels, m => m.Through<ArticleLabel, long, long>(j => j.ArticleId, j => j.LabelId));

        r.Read("read", a => a.Primary());
        r.Update("update", a => a.Primary().Accept(x => x.Title, x => x.Status, x => x.Views));
        r.Destroy("destroy", a => a.Primary());

        r.Create("create", a => a.Primary()
            .Accept(x => x.Title, x => x.Status, x => x.Views)
            .Validate(v => v.AttributeDoesNotEqual(x => x.Title, "not allowed"))
            .Change(c => c.SetTo(x => x.Slug, x => x.Title.ToLowerInvariant().Replace(' ', '-'))));

        r.Create("strict", a => a
            .Accept(x => x.Title, x => x.Status, x => x.Views, x => x.ClosedReason)
            .Validate(v => v.Present(x => x.Title))
            .Validate(v => v.Match(x => x.Title, "^[A-Z]"))
            .Validate(v => v.StringLength(x => x.Title, min: 3, max: 20), message: "must be 3 to 20 characters")
            .Validate(v => v.Compare(x => x.Views, CompareOperator.GreaterThanOrEqual, 0))
            .Validate(v => v.Compare(x => x.Views, CompareOperator.LessThan, 1000))
            .Validate(v => v.OneOf(x => x.Status, "draft", "open"))
            .Validate(v => v.AttributeEquals(x => x.Status, "draft"), where: cs => cs.GetAttribute(x => x.Views) > 100)
            .Validate(v => v.Absent(x => x.ClosedReason))
            .Validate(new NoShouting()));

        r.Create("with_remarks", a => a
            .Accept(x => x.Title)
            .Argument<long?>("writer")
            .Argument<IReadOnlyList<object>>("remarks")
            .Change(c => c.Relate(x => x.Writer, "writer"))
            .Change(c => c.Manage(x => x.Remarks, "remarks")));

        r.Update("edit_remarks", a => a
            .Argument<IReadOnlyList<object>>("remarks", x => x.Required())
            .Change(c => c.Manage(x => x.Remarks, "remarks")));

        r.Update("adopt", a => a
            .Argument<long>("remark", x => x.Required())
            .Argument<bool>("release", x => x.Default(false))
            .Change(c => c.Relate(x => x.Remarks, "remark"), where: cs => !cs.GetArgument<bool>("release"))
            .Change(c => c.Unrelate(x => x.Remarks, "remark"), where: cs => cs.GetArgument<bool>("release")));

        r.Update("unassign", a => a.Change(c => c.Unrelate(x => x.Writer, "writer")).Argument<long>("writer"));

        r.Update("retitle", a => a
            .Accept(x => x.Title)
            .Validate(v => v.NoRelated(x => x.Remarks), message: "cannot be retitled once it has remarks"));

        r.Update("remarked", a => a.Accept(x => x.Status).Validate(v => v.RelatedExist(x => x.Remarks)));

        r.Update("close", a => a
            .Argument<string>("reason", x => x.Required().MaxLength(20))
            .Argument<int>("priority", x => x.Min(1).Max(5).Default(3))
            .Argument<string>("channel", x => x.OneOf("mail", "phone"))
            .Change(c => c.SetFromArgument(x => x.ClosedReason, "reason"))
            .Change(c => c.Set(x => x.Status, "closed"))
            .Validate(v => v.Present("reason"))
            .Validate(v => v.Match("reason", "^[a-z ]+$")));

        r.Update("bump", a => a
            .Argument<int>("by", x => x.Default(1))
            .Change(c => c.Increment(x => x.Views))
            .Change(new AddArgument()));

        r.Update("score", a => a.Argument<int>("points", x => x.Required()).Change(new AddPoints()));
        r.Create("scored", a => a.Accept(x => x.Title, x => x.Views).Argument<int>("points", x => x.Required()).Change(new AddPoints()));
        r.Update("hit", a => a.Change(c => c.Increment(x => x.Views, 2)));
        r.Update("reset", a => a.Change(c => c.Set(x => x.Views, 100)).Change(c => c.Increment(x => x.Views, 2)));
        r.Update("shout_all", a => a.Change(new UppercaseTitle()));
        r.Update("reslug", a => a.Change(c => c.SetTo(x => x.Slug, x => x.Title.ToLowerInvariant())));
        r.Update("guarded", a => a.Accept(x => x.Title).Validate(v => v.StringLength(x => x.Title, min: 3)));
        r.Update("hooked", a => a.Accept(x => x.Title).AfterTransaction((_, _, _) => ValueTask.CompletedTask));

        r.Create("import", a => a
            .Accept(x => x.Title)
            .Argument<string>("origin", x => x.Required().OneOf("feed", "mail"))
            .Change(c => c.SetFromArgument(x => x.ClosedReason, "origin"))
            .Change(c => c.SetTo(x => x.Slug, x => x.Title.ToLowerInvariant().Replace(' ', '-')))
            .Validate(v => v.AttributeDoesNotEqual(x => x.Title, "not allowed")));

        r.Update("label", a => a
            .Argument<long?>("add")
            .Argument<long?>("remove")
            .Change(c => c.Relate(x => x.Labels, "add"))
            .Change(c => c.Unrelate(x => x.Labels, "remove")));

        r.Update("relabel", a => a
            .Argument<IReadOnlyList<object>>("labels", x => x.Required())
            .Change(c => c.Manage(x => x.Labels, "labels")));

        r.Update("tally", a => a
            .Argument<string>("note", x => x.Required())
            .Change(c => c.SetFromArgument(x => x.ClosedReason, "note"))
            .Validate(v => v.AttributeDoesNotEqual(x => x.ClosedReason, "refused"))
            .Atomic(x => x.Views, x => x.Views + 10));

        r.Update("shout", a => a.Change(new UppercaseTitle(), where: cs => cs.Data!.Status != "closed"));

        r.Create("audited", a => a
            .Accept(x => x.Title)
            .BeforeAction((cs, _) =>
            {
                cs.Set(x => x.Status, "forced");
                return ValueTask.CompletedTask;
            })
            .AfterAction(async (cs, article, ct) =>
            {
                await cs.Context.Domain.CreateAsync<AuditEntry>(new { message = $"created {article.Id}" }, cancellationToken: ct);
                if (article.Title.Contains("fail", StringComparison.Ordinal))
                {
                    throw new InvalidException([new InvalidAttribute("the audit refused it") { Resource = nameof(Article), Field = "title" }]);
                }

                if (article.Title.Contains("refuse", StringComparison.Ordinal))
                {
                    cs.AddError("title", "refused after the write");
                }
            })
            .AfterTransaction(async (cs, outcome, ct) =>
            {
                var title = cs.GetAttribute(x => x.Title)!;
                var stored = outcome.Record is { } record ? await cs.Context.Domain.FindAsync<Article>(record.Id, cancellationToken: ct) : null;
                Outcomes[title] = (outcome.Succeeded, stored?.Status, outcome.Error?.GetType().Name);
            }));

        r.Destroy("archive", a => a.Soft(x => x.ArchivedAt));

        r.Destroy("archive_with_reason", a => a
            .Soft(x => x.ArchivedAt)
            .Argument<string>("reason", x => x.Required())
            .Change(c => c.SetFromArgument(x => x.ClosedReason, "reason")));

        r.Read("active", a => a.Filter(x => x.ArchivedAt == null).Sort(x => x.Title).Load(x => x.Writer).Limit(50));
        r.Read("by_status", a => a
            .Argument<string>("status", x => x.Required())
            .Filter((x, args) => x.Status == args.Get<string>("status"))
            .Sort(x => x.Id, descending: true)
            .Pagination(2, maxPageSize: 3));
        r.Read("by_reason", a => a.Argument<string>("reason").Filter((x, args) => x.ClosedReason == args.Get<string>("reason")));
        r.Read("by_slug", a => a.Get().Argument<string>("slug", x => x.Required()).Filter((x, args) => x.Slug == args.Get<string>("slug")));

        r.Postgres(pg => pg.Table("articles").Repo<ActionsRepo>());
    }

    /// <summary>What the after-transaction hook saw, by title: committed or not, the status read back, the error.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, (bool Succeeded, string? StoredStatus, string? Error)> Outcomes { get; } = new();
}
