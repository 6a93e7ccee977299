using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Data;

/// <summary>
/// The one data model of the service on both engines: submissions, moderators (ASP.NET Core
/// Identity) and the Data Protection key ring (so every instance accepts the cookies and
/// antiforgery tokens of the others). <see cref="SqliteWebDb"/> and <see cref="PostgresWebDb"/> carry
/// each engine's migrations.
/// </summary>
public abstract class WebDb : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    /// <summary>A context over <paramref name="options"/>.</summary>
    protected WebDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Every submission, pending or decided.</summary>
    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>The Data Protection key ring shared by all instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Submission>(s =>
        {
            s.Property(x => x.Atr).HasMaxLength(200);
            s.Property(x => x.Description).HasMaxLength(Submission.MaxDescription);
            s.Property(x => x.Url).HasMaxLength(Submission.MaxUrl);
            s.Property(x => x.Contact).HasMaxLength(Submission.MaxContact);
            s.Property(x => x.ClientAddress).HasMaxLength(64);
            s.Property(x => x.Reason).HasMaxLength(Submission.MaxDescription);
            s.Property(x => x.ReviewedBy).HasMaxLength(256);
            s.HasIndex(x => new { x.Status, x.Id });
            s.HasIndex(x => x.Atr);
        });
    }
}
