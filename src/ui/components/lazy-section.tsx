import { Suspense, type LazyExoticComponent, type ComponentType } from 'react';

export interface LazySectionProps {
  id: string;
  title: string;
  className?: string;
  /** Loaded after the first screen: these sections sit below the fold. */
  content: LazyExoticComponent<ComponentType>;
}

/** A page section whose heading renders at once and whose body loads on demand. */
export function LazySection({ id, title, className, content: Content }: LazySectionProps) {
  return (
    <section aria-labelledby={id} className={`panel${className ? ` ${className}` : ''}`}>
      <h2 id={id}>{title}</h2>
      <Suspense fallback={<p role="status">Loading {title.toLowerCase()}…</p>}>
        <Content />
      </Suspense>
    </section>
  );
}
