import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganisationKind {
  INSPECTORATE = 'INSPECTORATE',
  MUNICIPALITY = 'MUNICIPALITY',
  YOUTH_CARE = 'YOUTH_CARE',
  CERTIFIED_CHILD_PROTECTION = 'CERTIFIED_CHILD_PROTECTION',
  VEILIG_THUIS = 'VEILIG_THUIS',
  YOUTH_HEALTH_CARE = 'YOUTH_HEALTH_CARE',
  SOCIAL_TEAM = 'SOCIAL_TEAM',
  SCHOOL = 'SCHOOL',
  POLICE = 'POLICE',
  MENTAL_HEALTH_CARE = 'MENTAL_HEALTH_CARE',
  GP = 'GP',
  OTHER = 'OTHER',
}

@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: OrganisationKind;
  /** The municipality an organisation mainly works in (optional; not set for inspectorates). */
  @Column({ type: 'uuid', nullable: true }) municipalityId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column() version: number;
}

/** This library's TypeORM entities; the apps put the lists together where they start. */
export const ORGANISATIONS_ENTITIES = [Organisation];
